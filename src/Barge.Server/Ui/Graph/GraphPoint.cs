namespace Barge.Server.Ui.Graph;

/// <summary>A point in SVG user units.</summary>
public readonly record struct GraphPoint(double X, double Y);
