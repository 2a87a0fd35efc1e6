using Barge.Resources.Manifests;

namespace Barge.Server.Api;

/// <summary>
/// Collects what is wrong with each document of a <c>/v1beta1/resources</c> body and turns it into
/// one refusal: the HTTP status of the first failing document, a message naming it (number, kind,
/// name) with the validation detail, every problem in <see cref="ApiError.Errors"/>, and a report per
/// document (Kargo's per-item <c>error</c>) in <see cref="ApiError.Documents"/>. Documents are
/// numbered from 1 in body order; empty documents are not counted, as Kargo skips them.
/// </summary>
internal sealed class DocumentProblems
{
    private readonly IReadOnlyList<int> _starts;
    private readonly SortedDictionary<int, Entry> _entries = [];

    public DocumentProblems(string text, ManifestReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _starts = DocumentSpans.StartLines(text);
        foreach (var document in read.Documents)
        {
            var resource = document.Resource;
            _entries[DocumentSpans.DocumentAt(_starts, document.Location.Line)] = new Entry(resource.Kind, resource.Project, resource.Name);
        }
        foreach (var error in read.Errors)
        {
            Add(error, 400);
        }
    }

    /// <summary>Whether any document has a problem.</summary>
    public bool Failed => _entries.Values.Any(e => e.Problems.Count > 0);

    /// <summary>A problem of the document <paramref name="document"/> (not one the reader found).</summary>
    public void Add(ManifestDocument document, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(document);
        EntryAt(document.Location.Line, document.Resource.Kind, document.Resource.Name).Problems.Add((status, message));
    }

    /// <summary>A problem found by the reader or the batch validator, attributed by its line.</summary>
    public void Add(ManifestError error, int status)
    {
        ArgumentNullException.ThrowIfNull(error);
        var entry = EntryAt(error.Location.Line, error.Kind, error.Name);
        entry.Problems.Add((status, error.ToString()));
        entry.Fields.Add((error.Path, error.Message));
    }

    /// <summary>The refusal of the whole request; nothing was changed.</summary>
    public ApiError Refusal()
    {
        var numbered = _entries.Values.Select((entry, i) => (Number: i + 1, Entry: entry)).ToList();
        var failing = numbered.Where(n => n.Entry.Problems.Count > 0).ToList();
        if (failing.Count == 0)
        {
            throw new InvalidOperationException("no document has a problem");
        }
        string Describe((int Number, Entry Entry) n) =>
            $"document {n.Number} ({n.Entry.Title()}): {string.Join("; ", n.Entry.Problems.Select(p => p.Message))}";
        var first = failing[0];
        var message = numbered.Count == 1
            ? Describe(first)
            : $"{failing.Count} of {numbered.Count} documents refused, nothing was changed; {Describe(first)}";
        return new ApiError(first.Entry.Problems[0].Status, message)
        {
            Errors = failing.SelectMany(n => n.Entry.Problems.Select(p => $"document {n.Number} ({n.Entry.Title()}): {p.Message}")).ToList(),
            Documents = numbered.Select(n => new DocumentReport(
                n.Number, n.Entry.Kind, NullIfEmpty(n.Entry.Namespace), n.Entry.Name,
                n.Entry.Problems.Count == 0 ? null : string.Join("; ", n.Entry.Problems.Select(p => p.Message)))
            {
                Fields = n.Entry.Fields,
            }).ToList(),
        };
    }

    private Entry EntryAt(int line, string? kind, string? name)
    {
        var index = DocumentSpans.DocumentAt(_starts, line);
        if (!_entries.TryGetValue(index, out var entry))
        {
            _entries[index] = entry = new Entry(kind, null, name);
        }
        return entry;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private sealed class Entry(string? kind, string? @namespace, string? name)
    {
        public string? Kind { get; } = kind;

        public string? Namespace { get; } = @namespace;

        public string? Name { get; } = name;

        public List<(int Status, string Message)> Problems { get; } = [];

        /// <summary>The problems that came as manifest errors: the field's path and the bare message.</summary>
        public List<(string Path, string Message)> Fields { get; } = [];

        public string Title()
        {
            var kindText = string.IsNullOrEmpty(Kind) ? "unknown kind" : Kind;
            var nameText = string.IsNullOrEmpty(Name) ? "without a name" : $"\"{(string.IsNullOrEmpty(Namespace) ? "" : Namespace + "/")}{Name}\"";
            return $"{kindText} {nameText}";
        }
    }
}
