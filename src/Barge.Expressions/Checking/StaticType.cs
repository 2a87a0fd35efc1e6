namespace Barge.Expressions.Checking;

/// <summary>A statically known type; arrays carry their element type when known.</summary>
internal sealed record StaticType(StaticKind Kind, StaticType? Element = null)
{
    public static readonly StaticType Unknown = new(StaticKind.Unknown);
    public static readonly StaticType Nil = new(StaticKind.Nil);
    public static readonly StaticType Bool = new(StaticKind.Bool);
    public static readonly StaticType Int = new(StaticKind.Int);
    public static readonly StaticType Float = new(StaticKind.Float);
    public static readonly StaticType String = new(StaticKind.String);
    public static readonly StaticType Map = new(StaticKind.Map);
    public static readonly StaticType AnyKeyMap = new(StaticKind.AnyKeyMap);
    public static readonly StaticType Time = new(StaticKind.Time);
    public static readonly StaticType Duration = new(StaticKind.Duration);
    public static readonly StaticType AnyArray = new(StaticKind.Array, Unknown);

    public static StaticType ArrayOf(StaticType element) => new(StaticKind.Array, element);

    public bool IsUnknown => Kind == StaticKind.Unknown;

    public bool IsNumber => Kind is StaticKind.Int or StaticKind.Float;

    public bool IsKnown => Kind != StaticKind.Unknown;

    public bool IsMapLike => Kind is StaticKind.Map or StaticKind.AnyKeyMap;

    /// <summary>Element type of an array (Unknown when not known).</summary>
    public StaticType Item => Element ?? Unknown;

    public string Name => Kind switch
    {
        StaticKind.Nil => "nil",
        StaticKind.Bool => "bool",
        StaticKind.Int => "int",
        StaticKind.Float => "float64",
        StaticKind.String => "string",
        StaticKind.Array => "[]" + (Element is { IsKnown: true } e ? e.Name : "interface {}"),
        StaticKind.Map => "map[string]interface {}",
        StaticKind.AnyKeyMap => "map[interface {}]interface {}",
        StaticKind.Time => "time.Time",
        StaticKind.Duration => "time.Duration",
        _ => "interface {}",
    };
}
