using System.Globalization;
using Barge.Storage.Selection;
using Npgsql;
using NpgsqlTypes;

namespace Barge.Storage.Postgres;

/// <summary>
/// Compiles a <see cref="ResourceQuery"/> to the FROM and WHERE clauses of a select over
/// <c>resources r</c>, binding every value as a parameter. Label requirements become id sets from
/// <c>resource_labels</c> (indexed on kind, project, key, value; PostgreSQL's planner drives a selective
/// one from the index); field filters walk spec or status with <c>#&gt;</c>, descending through objects
/// only, exactly as <see cref="FieldFilter.Matches"/> does in memory.
/// </summary>
internal static class PostgresQuery
{
    public static string FromWhere(ResourceQuery query, NpgsqlParameterCollection parameters)
    {
        var conditions = new List<string>();
        if (query.Kind is not null)
        {
            conditions.Add("r.kind = @kind");
            parameters.AddWithValue("kind", query.Kind);
        }
        if (query.Project is not null)
        {
            conditions.Add("r.project = @project");
            parameters.AddWithValue("project", query.Project);
        }
        var index = 0;
        foreach (var requirement in query.Labels.Requirements)
        {
            conditions.Add(Label(requirement, index++, query, parameters));
        }
        foreach (var field in query.Fields)
        {
            conditions.Add(Field(field, index++, parameters));
        }
        return "FROM resources r WHERE " + (conditions.Count == 0 ? "true" : string.Join(" AND ", conditions));
    }

    private static string Label(LabelRequirement requirement, int index, ResourceQuery query, NpgsqlParameterCollection parameters)
    {
        var key = Name("lk", index);
        parameters.AddWithValue(key, requirement.Key);
        var scope = (query.Kind is null ? "" : "l.kind = @kind AND ") + (query.Project is null ? "" : "l.project = @project AND ");
        var values = "";
        if (requirement.Operator is not (LabelOperator.Exists or LabelOperator.DoesNotExist))
        {
            var name = Name("lv", index);
            parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = requirement.Values.ToArray() });
            values = $" AND l.value = ANY(@{name})";
        }
        var set = $"(SELECT l.resource_id FROM resource_labels l WHERE {scope}l.key = @{key}{values})";
        return requirement.Operator switch
        {
            LabelOperator.Equals or LabelOperator.In or LabelOperator.Exists => $"r.id IN {set}",
            _ => $"r.id NOT IN {set}",
        };
    }

    private static string Field(FieldFilter filter, int index, NpgsqlParameterCollection parameters)
    {
        var column = filter.Root == FieldRoot.Spec ? "r.spec" : "r.status";
        // Every member but the last must be reached through an object: #> would also index arrays by
        // a numeric member, which the in-memory filter never does.
        var objects = new List<string> { $"json_typeof({column}) = 'object'" };
        for (var depth = 1; depth < filter.Path.Count; depth++)
        {
            var prefix = Name($"fp{index}_", depth);
            parameters.Add(new NpgsqlParameter(prefix, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Path.Take(depth).ToArray() });
            objects.Add($"json_typeof({column} #> @{prefix}) = 'object'");
        }
        var path = Name("fp", index);
        parameters.Add(new NpgsqlParameter(path, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = filter.Path.ToArray() });
        var reachable = string.Join(" AND ", objects);
        // The one-walk test comes first: a json column is parsed again by every operator, and AND
        // stops at the first false, so rows that do not match cost one walk instead of one per
        // member (a third of the time over 9,000 Freight; bench/RESULTS.md, Store at scale).
        string test;
        if (filter.Operator is FieldOperator.Exists or FieldOperator.DoesNotExist)
        {
            test = $"({column} #> @{path}) IS NOT NULL AND {reachable}";
            return filter.Operator == FieldOperator.Exists ? $"coalesce({test}, false)" : $"NOT coalesce({test}, false)";
        }
        var value = Name("fv", index);
        parameters.AddWithValue(value, filter.Value!);
        test = $"coalesce(({column} #>> @{path}) = @{value} AND {reachable} AND json_typeof({column} #> @{path}) = 'string', false)";
        return filter.Operator == FieldOperator.Equals ? test : "NOT " + test;
    }

    private static string Name(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);
}
