namespace Barge.Engine.Tests.Promotion.Steps;

/// <summary>A request as <see cref="LocalHttpServer"/> received it (header names lower-cased).</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);
