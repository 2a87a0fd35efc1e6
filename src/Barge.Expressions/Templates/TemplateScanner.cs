namespace Barge.Expressions.Templates;

/// <summary>
/// Splits a template into text and expressions as Kargo does: the earliest of <c>${{</c> and
/// <c>${%</c> opens an expression, the first following <c>}}</c> (or <c>%}</c>) closes it; there is
/// no escaping.
/// </summary>
internal static class TemplateScanner
{
    public static bool HasExpressions(string template) =>
        template.Contains("${{", StringComparison.Ordinal) || template.Contains("${%", StringComparison.Ordinal);

    public static List<TemplateSegment> Split(string template)
    {
        var segments = new List<TemplateSegment>();
        var pos = 0;
        while (pos < template.Length)
        {
            var curly = template.IndexOf("${{", pos, StringComparison.Ordinal);
            var percent = template.IndexOf("${%", pos, StringComparison.Ordinal);
            var start = curly < 0 ? percent : percent < 0 ? curly : Math.Min(curly, percent);
            if (start < 0)
            {
                segments.Add(new TemplateSegment(template[pos..], false, pos));
                break;
            }
            if (start > pos)
            {
                segments.Add(new TemplateSegment(template[pos..start], false, pos));
            }
            var closer = start == curly ? "}}" : "%}";
            var bodyStart = start + 3;
            var end = template.IndexOf(closer, bodyStart, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new ExpressionException($"unclosed expression: expected \"{closer}\" but reached end of template");
            }
            segments.Add(new TemplateSegment(template[bodyStart..end], true, bodyStart));
            pos = end + 2;
        }
        return segments;
    }
}
