using System.Globalization;
using System.Text;
using Barge.Expressions.Formatting;

namespace Barge.Expressions.Syntax;

/// <summary>
/// Prints a tree back to expr source, fully parenthesised, so that parsing the text gives a tree
/// that prints the same (used by the property tests and when debugging the parser).
/// </summary>
internal static class SyntaxPrinter
{
    public static string Print(Node node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder b, Node node)
    {
        switch (node)
        {
            case NilNode:
                b.Append("nil");
                break;
            case BoolNode x:
                b.Append(x.Value ? "true" : "false");
                break;
            case IntegerNode i:
                b.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatNode f:
                var text = f.Value.ToString("R", CultureInfo.InvariantCulture);
                b.Append(text);
                if (text.AsSpan().IndexOfAny(".E") < 0)
                {
                    b.Append(".0");
                }
                break;
            case StringNode s:
                GoQuoting.AppendQuoted(b, s.Value);
                break;
            case IdentifierNode id:
                b.Append(id.Name);
                break;
            case PointerNode p:
                b.Append('#').Append(p.Name);
                break;
            case UnaryNode u:
                b.Append('(').Append(u.Operator).Append(u.Operator is "not" ? " " : string.Empty);
                Append(b, u.Operand);
                b.Append(')');
                break;
            case BinaryNode x:
                b.Append('(');
                Append(b, x.Left);
                b.Append(' ').Append(x.Operator).Append(' ');
                Append(b, x.Right);
                b.Append(')');
                break;
            case MemberNode m:
                b.Append('(');
                Append(b, m.Target);
                b.Append(')');
                if (m.IsName && m.Property is StringNode name)
                {
                    b.Append(m.Optional ? "?." : ".").Append(name.Value);
                }
                else
                {
                    b.Append(m.Optional ? "?.[" : "[");
                    Append(b, m.Property);
                    b.Append(']');
                }
                break;
            case ChainNode c:
                Append(b, c.Inner);
                break;
            case SliceNode s:
                b.Append('(');
                Append(b, s.Target);
                b.Append(")[");
                if (s.From is not null)
                {
                    Append(b, s.From);
                }
                b.Append(':');
                if (s.To is not null)
                {
                    Append(b, s.To);
                }
                b.Append(']');
                break;
            case CallNode c:
                b.Append(c.Name).Append('(');
                AppendList(b, c.Arguments);
                b.Append(')');
                break;
            case MethodCallNode m:
                b.Append('(');
                Append(b, m.Target);
                b.Append(')').Append(m.Optional ? "?." : ".").Append(m.Name).Append('(');
                AppendList(b, m.Arguments);
                b.Append(')');
                break;
            case PredicateNode p:
                b.Append("{ ");
                Append(b, p.Body);
                b.Append(" }");
                break;
            case ConditionalNode c when c.IsIf:
                b.Append("(if ");
                Append(b, c.Condition);
                b.Append(" { ");
                Append(b, c.Then);
                b.Append(" } else { ");
                Append(b, c.Else);
                b.Append(" })");
                break;
            case ConditionalNode c when c.Elvis:
                b.Append('(');
                Append(b, c.Condition);
                b.Append(" ?: ");
                Append(b, c.Else);
                b.Append(')');
                break;
            case ConditionalNode c:
                b.Append('(');
                Append(b, c.Condition);
                b.Append(" ? ");
                Append(b, c.Then);
                b.Append(" : ");
                Append(b, c.Else);
                b.Append(')');
                break;
            case ArrayNode a:
                b.Append('[');
                AppendList(b, a.Items);
                b.Append(']');
                break;
            case MapNode m:
                b.Append('{');
                for (var i = 0; i < m.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }
                    if (m.Entries[i].ComputedKey)
                    {
                        b.Append('(');
                        Append(b, m.Entries[i].Key);
                        b.Append(')');
                    }
                    else
                    {
                        Append(b, m.Entries[i].Key);
                    }
                    b.Append(": ");
                    Append(b, m.Entries[i].Value);
                }
                b.Append('}');
                break;
            case LetNode l:
                b.Append("(let ").Append(l.Name).Append(" = ");
                Append(b, l.Value);
                b.Append("; ");
                Append(b, l.Body);
                b.Append(')');
                break;
            case SequenceNode s:
                b.Append('(');
                for (var i = 0; i < s.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append("; ");
                    }
                    Append(b, s.Items[i]);
                }
                b.Append(')');
                break;
            default:
                throw new ArgumentException("unknown node " + node.GetType().Name, nameof(node));
        }
    }

    private static void AppendList(StringBuilder b, IReadOnlyList<Node> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }
            Append(b, items[i]);
        }
    }
}
