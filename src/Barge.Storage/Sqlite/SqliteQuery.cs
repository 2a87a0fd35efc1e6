using System.Globalization;
using System.Text;
using Barge.Storage.Selection;
using Microsoft.Data.Sqlite;

namespace Barge.Storage.Sqlite;

/// <summary>
/// Compiles a <see cref="ResourceQuery"/> to a WHERE clause over <c>resources r</c>, binding every value
/// as a parameter. Label requirements become id sets from <c>resource_labels</c> (indexed on
/// kind, project, key, value); field filters become <c>json_type</c>/<c>json_extract</c> on spec or status.
/// </summary>
internal static class SqliteQuery
{
    public static string Where(ResourceQuery query, SqliteCommand command)
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
            conditions.Add(Label(requirement, index++, query, parameters));
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
        var key = $"$lk{index}";
        parameters.AddWithValue(key, requirement.Key);
        var scope = (query.Kind is null ? "" : "l.kind = $kind AND ") + (query.Project is null ? "" : "l.project = $project AND ");
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
            values = names.Count == 1 ? $" AND l.value = {names[0]}" : $" AND l.value IN ({string.Join(", ", names)})";
        }
        var set = $"(SELECT l.resource_id FROM resource_labels l WHERE {scope}l.key = {key}{values})";
        return requirement.Operator switch
        {
            LabelOperator.Equals or LabelOperator.In or LabelOperator.Exists => $"r.id IN {set}",
            _ => $"r.id NOT IN {set}",
        };
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
