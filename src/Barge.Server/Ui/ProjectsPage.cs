using System.Text;
using Barge.Resources.Model;
using Barge.Storage;

namespace Barge.Server.Ui;

/// <summary>The projects the user can see, with Warehouse, Stage and Freight counts and Stage health.</summary>
internal static class ProjectsPage
{
    public static async Task<string> RenderAsync(IResourceStore store, UiUser user, CancellationToken cancellationToken)
    {
        var projects = await store.ListAsync(ResourceQuery.OfKind("Project", ""), cancellationToken);
        var html = new StringBuilder("<section><h1>Projects</h1>");
        var visible = projects.Items.Where(p => user.Caller.RoleIn(p.Key.Name) is not null).ToList();
        if (visible.Count == 0)
        {
            html.Append("<p>No project is visible to ").Append(Html.E(user.Caller.Actor)).Append(".</p></section>");
            return html.ToString();
        }
        html.Append("<table class=\"list\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\">Warehouses</th><th scope=\"col\">Stages</th>")
            .Append("<th scope=\"col\">Freight</th><th scope=\"col\">Health</th><th scope=\"col\">Your role</th></tr></thead><tbody>");
        foreach (var project in visible)
        {
            var name = project.Key.Name;
            var warehouses = await store.ListAsync(ResourceQuery.OfKind("Warehouse", name), cancellationToken);
            var freight = await store.ListAsync(ResourceQuery.OfKind("Freight", name), cancellationToken);
            var stages = await UiResources.ListAsync<Stage>(store, "Stage", name, cancellationToken);
            var unhealthy = stages.Count(s => s.Status?.Health?.Status is "Unhealthy");
            var health = stages.Count == 0 ? "—" : unhealthy == 0 ? "Healthy" : $"{unhealthy} unhealthy";
            html.Append("<tr><th scope=\"row\"><a href=\"").Append(UiRoutes.ProjectHref(name)).Append("\">").Append(Html.E(name)).Append("</a></th>")
                .Append("<td>").Append(warehouses.Items.Count).Append("</td><td>").Append(stages.Count).Append("</td><td>").Append(freight.Items.Count)
                .Append("</td><td class=\"").Append(unhealthy == 0 ? "ok" : "bad").Append("\">").Append(Html.E(health))
                .Append("</td><td>").Append(Html.E(user.Caller.RoleIn(name)?.ToString().ToLowerInvariant())).Append("</td></tr>");
        }
        html.Append("</tbody></table></section>");
        return html.ToString();
    }
}
