using System.Globalization;
using System.Text;
using Barge.Storage.Selection;
using Microsoft.Data.Sqlite;

namespace Barge.Storage.Sqlite;

/// <summary>
/// Compiles a <see cref="ResourceQuery"/> to the FROM and WHERE clauses of a select over
/// <c>resources r</c>, binding every value as a parameter. Label requirements become id sets from
/// <c>resource_labels</c> (indexed on kind, project, key, value); field filters become
/// <c>json_type</c>/<c>json_extract</c> on spec or status.
/// </summary>
internal static class SqliteQuery
{
    /// <summary>
    /// <c>FROM … WHERE …</c>. When the selector has an equality or <c>in</c> requirement, the first one
    /// drives the query from the label index (CROSS JOIN fixes the join order in SQLite), so a label
    /// lookup costs its matches, not the size of the kind; without statistics the planner would
    /// otherwise walk every resource of the kind and probe the label set.
    /// </summary>
    public static string FromWhere(ResourceQuery query, SqliteCommand command)
    {
        var driver = query.Labels.Requirements
            .Select((requirement, index) => (requirement, index))
            .FirstOrDefault(p => p.requirement.Operator is LabelOperator.Equals or LabelOperator.In);
        var where = Where(query, command, driver.requirement is null ? -1 : driver.index);
        if (driver.requirement is null)
        {
            return $"FROM resources r WHERE {where}";
        }
        var on = LabelMatch(driver.requirement, driver.index, query, command.Parameters, "d");
        return $"FROM resource_labels d CROSS JOIN resources r ON r.id = d.resource_id WHERE {on} AND {where}";
    }

    private static string Where(ResourceQuery query, SqliteCommand command, int drivingLabel)
    {
        var sql = new StringBuilder();
        var parameters = command.Parameters;
        var conditions = new List<string>();
        if (query.Kind is not null)
        {
            conditions.Add("r.kind = $kind");
            parameters.AddWithValue("$kind", query.Kind);
        }
        if (query.Project is not null)
        {
            conditions.Add("r.project = $project");
            parameters.AddWithValue("$project", query.Project);
        }
        var index = 0;
        foreach (var requirement in query.Labels.Requirements)
        {
            if (index != drivingLabel)
            {
                conditions.Add(Label(requirement, index, query, parameters));
            }
            index++;
        }
        foreach (var field in query.Fields)
        {
            conditions.Add(Field(field, index++, parameters));
        }
        if (conditions.Count == 0)
        {
            return "1";
        }
        sql.AppendJoin(" AND ", conditions);
        return sql.ToString();
    }

    private static string Label(LabelRequirement requirement, int index, ResourceQuery query, SqliteParameterCollection parameters)
    {
        var set = $"(SELECT l.resource_id FROM resource_labels l WHERE {LabelMatch(requirement, index, query, parameters, "l")})";
        return requirement.Operator switch
        {
            LabelOperator.Equals or LabelOperator.In or LabelOperator.Exists => $"r.id IN {set}",
            _ => $"r.id NOT IN {set}",
        };
    }

    /// <summary>The test of label rows (alias <paramref name="l"/>) that carry the requirement's key and, if any, one of its values.</summary>
    private static string LabelMatch(LabelRequirement requirement, int index, ResourceQuery query, SqliteParameterCollection parameters, string l)
    {
        var key = $"$lk{index}";
        parameters.AddWithValue(key, requirement.Key);
        var scope = (query.Kind is null ? "" : $"{l}.kind = $kind AND ") + (query.Project is null ? "" : $"{l}.project = $project AND ");
        var values = "";
        if (requirement.Values.Count > 0 && requirement.Operator is not (LabelOperator.Exists or LabelOperator.DoesNotExist))
        {
            var names = new List<string>();
            for (var i = 0; i < requirement.Values.Count; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"$lv{index}_{i}");
                parameters.AddWithValue(name, requirement.Values[i]);
                names.Add(name);
            }
            values = names.Count == 1 ? $" AND {l}.value = {names[0]}" : $" AND {l}.value IN ({string.Join(", ", names)})";
        }
        return $"{scope}{l}.key = {key}{values}";
    }

    private static string Field(FieldFilter filter, int index, SqliteParameterCollection parameters)
    {
        var column = filter.Root == FieldRoot.Spec ? "r.spec" : "r.status";
        var path = $"$fp{index}";
        parameters.AddWithValue(path, "$" + string.Concat(filter.Path.Select(member => ".\"" + member + "\"")));
        if (filter.Operator is FieldOperator.Exists or FieldOperator.DoesNotExist)
        {
            return $"json_type({column}, {path}) IS {(filter.Operator == FieldOperator.Exists ? "NOT " : "")}NULL";
        }
        var value = $"$fv{index}";
        parameters.AddWithValue(value, filter.Value);
        var equal = $"coalesce(json_type({column}, {path}) = 'text' AND json_extract({column}, {path}) = {value}, 0)";
        return filter.Operator == FieldOperator.Equals ? equal : "NOT " + equal;
    }
}
