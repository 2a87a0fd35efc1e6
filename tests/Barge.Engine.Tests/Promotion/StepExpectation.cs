using System.Text.Json.Nodes;
using Barge.Engine.Promotion;
using YamlDotNet.RepresentationModel;

namespace Barge.Engine.Tests.Promotion;

/// <summary>
/// What must hold after a step ran, read from a case folder (expected/, outputs.json, error.txt and
/// meta.json), and the check that lists every difference instead of stopping at the first.
/// </summary>
internal sealed record StepExpectation(string Directory, JsonObject Meta)
{
    public List<string> Check(string work, StepResult result)
    {
        var problems = new List<string>();
        var status = Meta["status"]!.GetValue<string>();
        if (result.Status.ToString() != status)
        {
            problems.Add($"status: expected {status}, got {result.Status} ({result.Message})");
        }
        if (Meta["terminal"] is { } terminal && terminal.GetValue<bool>() != result.Terminal)
        {
            problems.Add($"terminal: expected {terminal.GetValue<bool>()}, got {result.Terminal}");
        }
        CheckError(result, problems);
        CheckOutputs(result, problems);
        CheckTree(work, problems);
        return problems;
    }

    private void CheckError(StepResult result, List<string> problems)
    {
        var errorFile = Path.Combine(Directory, "error.txt");
        if (!File.Exists(errorFile))
        {
            return;
        }
        foreach (var line in File.ReadAllLines(errorFile).Where(l => l.Trim().Length > 0))
        {
            if (result.Message is null || !result.Message.Contains(line.Trim(), StringComparison.Ordinal))
            {
                problems.Add($"error: expected a message containing \"{line.Trim()}\", got \"{result.Message}\"");
            }
        }
    }

    private void CheckOutputs(StepResult result, List<string> problems)
    {
        var outputsFile = Path.Combine(Directory, "outputs.json");
        if (!File.Exists(outputsFile))
        {
            return;
        }
        var expected = JsonNode.Parse(File.ReadAllText(outputsFile));
        JsonNode? actual = result.Output is null ? null : new JsonObject(result.Output.Select(kv =>
            KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        if (!JsonNode.DeepEquals(expected, actual))
        {
            problems.Add($"outputs: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
        }
    }

    private void CheckTree(string work, List<string> problems)
    {
        var expectedDir = Path.Combine(Directory, "expected");
        var expectedFiles = (Meta["expectedFiles"]?.AsObject() ?? []).ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
        if (System.IO.Directory.Exists(expectedDir))
        {
            var want = System.IO.Directory.EnumerateFiles(expectedDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(expectedDir, f).Replace('\\', '/'))
                .Where(f => Path.GetFileName(f) != ".keep").ToHashSet(StringComparer.Ordinal);
            want.UnionWith(expectedFiles.Keys);
            var have = RegularFiles(work);
            foreach (var extra in have.Except(want).Order(StringComparer.Ordinal))
            {
                problems.Add($"tree: unexpected file {extra}");
            }
            foreach (var missing in want.Except(have).Order(StringComparer.Ordinal))
            {
                problems.Add($"tree: missing file {missing}");
            }
            foreach (var file in want.Intersect(have).Where(f => !expectedFiles.ContainsKey(f)))
            {
                CompareFile(file, File.ReadAllBytes(Path.Combine(expectedDir, file)), File.ReadAllBytes(Path.Combine(work, file)), problems);
            }
        }
        foreach (var (file, contents) in expectedFiles)
        {
            var path = Path.Combine(work, file);
            if (!File.Exists(path) || File.ReadAllText(path) != contents)
            {
                problems.Add($"expectedFiles: {file} is missing or differs");
            }
        }
        foreach (var (link, target) in Meta["expectedSymlinks"]?.AsObject() ?? [])
        {
            var info = new FileInfo(Path.Combine(work, link));
            if (info.LinkTarget != target!.GetValue<string>())
            {
                problems.Add($"expectedSymlinks: {link} should link to {target}, links to {info.LinkTarget ?? "(not a link)"}");
            }
        }
        foreach (var absent in Meta["expectedAbsent"]?.AsArray() ?? [])
        {
            var path = Path.Combine(work, absent!.GetValue<string>());
            if (File.Exists(path) || System.IO.Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                problems.Add($"expectedAbsent: {absent} exists");
            }
        }
    }

    private void CompareFile(string file, byte[] expected, byte[] actual, List<string> problems)
    {
        if (Meta["compare"]?.GetValue<string>() == "yaml")
        {
            if (!YamlDataEquals(expected, actual))
            {
                problems.Add($"file {file}: YAML data differs; got:\n{System.Text.Encoding.UTF8.GetString(actual)}");
            }
            return;
        }
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            problems.Add($"file {file}: bytes differ; expected:\n{System.Text.Encoding.UTF8.GetString(expected)}\ngot:\n{System.Text.Encoding.UTF8.GetString(actual)}");
        }
    }

    /// <summary>Regular files below the work directory (symlinks excluded), relative, with forward slashes.</summary>
    public static HashSet<string> RegularFiles(string work) =>
        System.IO.Directory.EnumerateFiles(work, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => new FileInfo(f).LinkTarget is null && !InsideLinkedDirectory(work, f))
            .Select(f => Path.GetRelativePath(work, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);

    private static bool InsideLinkedDirectory(string work, string file)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(file)!); dir.FullName.Length > work.Length; dir = dir.Parent!)
        {
            if (dir.LinkTarget is not null)
            {
                return true;
            }
        }
        return false;
    }

    private static bool YamlDataEquals(byte[] expected, byte[] actual)
    {
        static JsonNode? Load(byte[] bytes)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)));
            return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
        }
        return JsonNode.DeepEquals(Load(expected), Load(actual));
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => scalar.Value is null or "null" or "~" or "" && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain ? null : JsonValue.Create(scalar.Value),
        _ => null,
    };
}
