using System.Text;

namespace Barge.Server.Ui;

/// <summary>The page shell: header with the signed-in actor and sign-out, the one CSS and one JS file.</summary>
internal static class UiLayout
{
    public static string Page(string title, UiUser? user, string body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.E(title)).Append(" · Barge</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(UiRoutes.Prefix).Append("/assets/app.css\">")
            .Append("<script defer src=\"").Append(UiRoutes.Prefix).Append("/assets/app.js\"></script>")
            .Append("</head><body><header class=\"top\"><a class=\"brand\" href=\"").Append(UiRoutes.Prefix).Append("\">Barge</a>");
        if (user is not null)
        {
            html.Append("<nav aria-label=\"Account\"><span class=\"actor\">").Append(Html.E(user.Caller.Actor)).Append("</span>")
                .Append("<form method=\"post\" action=\"").Append(UiRoutes.Prefix).Append("/signout\">").Append(Html.Csrf(user.Session))
                .Append("<button type=\"submit\">Sign out</button></form></nav>");
        }
        html.Append("</header><main>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The sign-in form; <paramref name="csrf"/> is the double-submit token of its pre-session cookie.</summary>
    public static string SignIn(string? error, string csrf) =>
        Page("Sign in", null,
            "<section class=\"signin\"><h1>Sign in</h1>"
            + (error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")
            + $"<form method=\"post\" action=\"{UiRoutes.Prefix}/signin\"><input type=\"hidden\" name=\"{UiRoutes.CsrfField}\" value=\"{Html.E(csrf)}\"><label for=\"token\">Server token</label>"
            + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required>"
            + "<button type=\"submit\">Sign in</button></form>"
            + "<p class=\"hint\">Use the admin token or an API token (<code>barge token create</code>).</p></section>");

    public static string Message(string title, UiUser? user, string message) =>
        Page(title, user, $"<section><h1>{Html.E(title)}</h1><p role=\"alert\">{Html.E(message)}</p><p><a href=\"{UiRoutes.Prefix}\">Projects</a></p></section>");
}
