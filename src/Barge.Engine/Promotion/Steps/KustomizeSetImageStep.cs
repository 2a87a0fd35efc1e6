using System.Text;
using System.Text.Json.Nodes;
using Barge.Engine.Promotion.Formats;

namespace Barge.Engine.Promotion.Steps;

/// <summary>
/// <c>kustomize-set-image</c>: sets <c>images</c> entries of a Kustomization, from the configuration
/// or, with no images configured, from every image of the Promotion's Freight collection (refusing to
/// guess when two requested Warehouses subscribe to one repository). The file is re-encoded in
/// kyaml's layout with comments kept. Beyond Kargo, automatic mode with no Freight images leaves the
/// file untouched (Kargo writes <c>images: []</c>).
/// </summary>
internal sealed class KustomizeSetImageStep : IPromotionStep
{
    private static readonly string[] Candidates = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public string Kind => "kustomize-set-image";

    public bool HasSideEffects => false;

    private sealed record Config(string Path, IReadOnlyList<(string Name, string NewName, string Tag, string Digest)> Images);

    public async Task<StepResult> RunAsync(StepContext context, JsonObject config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new StepConfigErrors(Kind);
        var cfg = Bind(errors, config);
        if (cfg is null)
        {
            return errors.ToResult();
        }
        string dir;
        try
        {
            dir = SafePath.Join(context.WorkDirectory, cfg.Path);
        }
        catch (IOException ex)
        {
            return StepResult.Errored($"could not discover kustomization file: {ex.Message}");
        }
        var found = Candidates.Select(c => Path.Combine(dir, c))
            .Where(p => File.Exists(p) && new FileInfo(p).LinkTarget is null).ToList();
        if (found.Count == 0)
        {
            return StepResult.Errored($"could not discover kustomization file: could not find any Kustomization files in \"{cfg.Path}\"");
        }
        if (found.Count > 1)
        {
            return StepResult.Errored($"could not discover kustomization file: ambiguous result: found multiple Kustomization files in \"{cfg.Path}\": [{string.Join(' ', found)}]");
        }
        var file = found[0];
        if (StepFiles.IsInGitMetadata(context.WorkDirectory, file))
        {
            return StepResult.Failed(StepFiles.GitMetadataError(cfg.Path));
        }
        Dictionary<string, KustomizeImage> targets;
        if (cfg.Images.Count > 0)
        {
            targets = new(StringComparer.Ordinal);
            foreach (var (name, newName, tag, digest) in cfg.Images)
            {
                targets[name] = digest.Length > 0 ? new KustomizeImage(name, newName, Digest: digest) : new KustomizeImage(name, newName, NewTag: tag);
            }
        }
        else
        {
            if (Ambiguity(context) is { } ambiguity)
            {
                return StepResult.Errored("manual configuration required due to ambiguous result: " + ambiguity);
            }
            targets = new(StringComparer.Ordinal);
            foreach (var image in context.Freight.SelectMany(f => f.Images))
            {
                targets[image.RepoURL] = new KustomizeImage(image.RepoURL, NewTag: image.Tag, Digest: image.Digest);
            }
            if (targets.Count == 0)
            {
                return StepResult.Succeeded(message: "no Freight in the collection carries an image: the Kustomization is unchanged");
            }
        }
        var (text, readError) = await StepFiles.TryReadTextAsync(file, cancellationToken);
        if (text is null)
        {
            return StepResult.Errored("could not read Kustomization file: " + readError);
        }
        if (!YamlTreeReader.TryRead(text, out var root, out var parseError))
        {
            return StepResult.Errored("could not unmarshal Kustomization file: " + parseError);
        }
        if (root is not YamlTreeMapping document)
        {
            return StepResult.Errored("could not decode images field in Kustomization file: cannot access nested field on scalar node");
        }
        var oldNode = document["images"];
        var existing = new List<(KustomizeImage Image, YamlTreeMapping Node)>();
        switch (oldNode)
        {
            case null:
                break;
            case YamlTreeSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is not YamlTreeMapping entry)
                    {
                        return StepResult.Errored("could not decode images field in Kustomization file: an images entry is not a mapping");
                    }
                    existing.Add((Decode(entry), entry));
                }
                break;
            case YamlTreeScalar { IsNull: true }:
                break;
            default:
                return StepResult.Errored("could not decode images field in Kustomization file: images is not a list");
        }
        var merged = Merge(existing.Select(e => e.Image).ToList(), targets);
        document.Set("images", Encode(merged, oldNode, existing.Select(e => e.Node).ToList()));
        if (await StepFiles.TryWriteTextAsync(file, YamlTreeWriter.Write(document), cancellationToken) is { } writeError)
        {
            return StepResult.Errored("could not write updated Kustomization file: " + writeError);
        }
        // As Kargo, the message lists the whole merged list, untouched entries included.
        var message = new StringBuilder("Updated ").Append(cfg.Path).Append(" to use new image").Append(merged.Count > 1 ? "s" : "").Append('\n');
        foreach (var image in merged)
        {
            message.Append("\n- ").Append(image.Reference);
        }
        return StepResult.SucceededWithCommitMessage(message.ToString());
    }

    /// <summary>Kargo's ambiguity check over the Stage's requested origins; null when automatic mode may proceed.</summary>
    private static string? Ambiguity(StepContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var origin in context.RequestedOrigins)
        {
            if (!context.Warehouses.TryGetValue(origin.Name, out var warehouse))
            {
                return $"Warehouse \"{origin.Name}\" not found in namespace \"{context.Project}\"";
            }
            foreach (var repo in warehouse.ImageRepoURLs)
            {
                if (!seen.Add(repo))
                {
                    return $"multiple requested Freight could potentially provide a container image from repository {repo}";
                }
            }
        }
        return null;
    }

    private static List<KustomizeImage> Merge(List<KustomizeImage> existing, Dictionary<string, KustomizeImage> targets)
    {
        var result = new Dictionary<string, KustomizeImage>(StringComparer.Ordinal);
        foreach (var old in existing)
        {
            result[old.Name] = old;
        }
        foreach (var (name, target) in targets)
        {
            var previous = existing.FirstOrDefault(e => e.Name == name);
            result[name] = target with
            {
                NewName = Keep(target.NewName, previous?.NewName),
                NewTag = Keep(target.NewTag, previous?.NewTag),
                Digest = Keep(target.Digest, previous?.Digest),
            };
        }
        return [.. result.Values.OrderBy(i => i.Name, StringComparer.Ordinal)];
    }

    /// <summary><c>*</c> keeps the existing value (empty when there is none).</summary>
    private static string Keep(string value, string? existing) => value == "*" ? existing ?? "" : value;

    private static KustomizeImage Decode(YamlTreeMapping entry)
    {
        string Field(string key) => entry[key] is YamlTreeScalar { IsNull: false } scalar ? scalar.Value : "";
        return new KustomizeImage(Field("name"), Field("newName"), Field("tagSuffix"), Field("newTag"), Field("digest"));
    }

    /// <summary>The new images sequence: the old node's style and comments, comments of old item i on new item i.</summary>
    private static YamlTreeSequence Encode(List<KustomizeImage> images, YamlTreeNode? oldNode, List<YamlTreeMapping> oldItems)
    {
        var sequence = new YamlTreeSequence(oldNode is YamlTreeSequence { Flow: true });
        if (oldNode is not null)
        {
            sequence.TakeCommentsFrom(oldNode);
        }
        for (var i = 0; i < images.Count; i++)
        {
            var item = new YamlTreeMapping(sequence.Flow);
            var old = i < oldItems.Count ? oldItems[i] : null;
            if (old is not null)
            {
                item.TakeCommentsFrom(old);
            }
            foreach (var (key, value) in images[i].Fields())
            {
                var keyNode = new YamlTreeScalar(key);
                var valueNode = new YamlTreeScalar(value);
                if (old is not null && old.IndexOf(key) is var at and >= 0)
                {
                    keyNode.TakeCommentsFrom(old.Entries[at].Key);
                    valueNode.TakeCommentsFrom(old.Entries[at].Value);
                }
                item.Entries.Add(new(keyNode, valueNode));
            }
            sequence.Items.Add(item);
        }
        return sequence;
    }

    private static Config? Bind(StepConfigErrors errors, JsonObject json)
    {
        var root = errors.Root(json);
        root.Require("path");
        root.AllowOnly("path", "images");
        var path = root.String("path", minLength: 1);
        var images = new List<(string, string, string, string)>();
        foreach (var item in root.ObjectArray("images") ?? [])
        {
            item.Require("image");
            item.AllowOnly("image", "name", "newName", "tag", "digest");
            var image = item.String("image", minLength: 1) ?? "";
            var name = item.String("name") ?? "";
            var newName = item.String("newName") ?? "";
            var tag = item.String("tag") ?? "";
            var digest = item.String("digest") ?? "";
            var tagOnly = tag.Length > 0 && item.IsAbsentOrEmpty("digest");
            var digestOnly = digest.Length > 0 && item.IsAbsentOrEmpty("tag");
            if (tagOnly == digestOnly)
            {
                item.Add("Must validate one and only one schema (oneOf)");
            }
            images.Add((name.Length > 0 ? name : image, newName, tag, digest));
        }
        return errors.Any || path is null ? null : new Config(path, images);
    }
}
