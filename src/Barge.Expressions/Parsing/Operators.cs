namespace Barge.Expressions.Parsing;

/// <summary>expr-lang's operator table: precedence and associativity of unary and binary operators.</summary>
internal static class Operators
{
    public static bool TryUnary(string op, out int precedence)
    {
        precedence = op switch
        {
            "not" or "!" => 50,
            "-" or "+" => 90,
            _ => -1,
        };
        return precedence >= 0;
    }

    public static bool TryBinary(string op, out int precedence, out bool rightAssociative)
    {
        rightAssociative = op is "**" or "^";
        precedence = op switch
        {
            "|" => 0,
            "or" or "||" => 10,
            "and" or "&&" => 15,
            "==" or "!=" or "<" or ">" or ">=" or "<=" or "in" or "matches" or "contains" or "startsWith" or "endsWith" => 20,
            ".." => 25,
            "+" or "-" => 30,
            "*" or "/" or "%" => 60,
            "**" or "^" => 100,
            "??" => 500,
            _ => -1,
        };
        return precedence >= 0;
    }

    public static bool IsComparison(string op) => op is "<" or ">" or ">=" or "<=";

    public static bool AllowedNegateSuffix(string op) => op is "contains" or "matches" or "startsWith" or "endsWith" or "in";

    /// <summary>The predicate builtins and the shape of their arguments (expr's parser table).</summary>
    public static bool TryPredicate(string name, out PredicateShape shape)
    {
        shape = name switch
        {
            "all" or "none" or "any" or "one" or "filter" or "map" or "find" or "findIndex" or "findLast" or "findLastIndex" or "groupBy"
                => PredicateShape.Required,
            "count" or "sum" => PredicateShape.OptionalPredicate,
            "sortBy" or "reduce" => PredicateShape.WithOptionalArgument,
            _ => PredicateShape.None,
        };
        return shape != PredicateShape.None;
    }
}
