using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Barge.Storage;
using Barge.Storage.Selection;

namespace Barge.Server.Auth;

/// <summary>
/// API tokens, kept in the store as cluster-scoped <c>ApiToken</c> records holding only the SHA-256 of
/// the token (a 256-bit random value, so a plain hash is as good as a slow one) and its role bindings.
/// The token itself is returned once, by <see cref="CreateAsync"/>. Used by the API and by
/// <c>barge token create|list|revoke</c>.
/// </summary>
public sealed class ApiTokens
{
    /// <summary>The store kind of token records; not a Kargo kind, so <c>/resources</c> never reaches it.</summary>
    public const string Kind = "ApiToken";

    private const string ApiVersion = "barge.dev/v1alpha1";
    private const string Prefix = "barge_";

    private readonly IResourceStore _store;
    private readonly TimeProvider _time;

    public ApiTokens(IResourceStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>Creates a token; the result holds its value, which is never stored nor shown again.</summary>
    public async Task<TokenCreation> CreateAsync(string name, IReadOnlyList<RoleBinding> roles, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var errors = new List<string>();
        if (!IsValidName(name))
        {
            errors.Add($"API token name \"{name}\": use 1-63 lower-case letters, digits and '-', starting with a letter or digit");
        }
        if (roles.Count == 0)
        {
            errors.Add($"API token \"{name}\": give at least one role (system-admin or <role>@<project>)");
        }
        if (errors.Count > 0)
        {
            return TokenCreation.Invalid(errors);
        }
        var value = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var createdAt = _time.GetUtcNow();
        var spec = new JsonObject
        {
            ["sha256"] = Hash(value),
            ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r.ToString()).ToArray()),
            ["createdBy"] = createdBy,
            ["createdAt"] = createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            await _store.CreateAsync(new NewResource(ResourceKey.Cluster(Kind, name), ApiVersion, JsonSerializer.SerializeToElement(spec)), cancellationToken);
        }
        catch (ResourceAlreadyExistsException)
        {
            return TokenCreation.Conflict($"API token \"{name}\" already exists");
        }
        return TokenCreation.Created(new ApiToken(name, roles, createdBy, createdAt), value);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = await _store.ListAsync(ResourceQuery.OfKind(Kind, ""), cancellationToken);
        return list.Items.Select(Read).ToList();
    }

    /// <summary>Deletes a token; false when there is none of that name.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await _store.DeleteAsync(ResourceKey.Cluster(Kind, name), cancellationToken: cancellationToken);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The token presented, if it is a live one.</summary>
    public async Task<ApiToken?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!HasTokenPrefix(presented))
        {
            return null;
        }
        return await AuthenticateHashAsync(Hash(presented), cancellationToken);
    }

    /// <summary>
    /// The live token whose SHA-256 (lowercase hex) is <paramref name="hash"/>: a UI session keeps only the
    /// hash of the token it signed in with and re-checks it on every request, so revoking ends it at once.
    /// </summary>
    public async Task<ApiToken?> AuthenticateHashAsync(string hash, CancellationToken cancellationToken = default)
    {
        if (hash.Length != 64)
        {
            return null;
        }
        var query = ResourceQuery.OfKind(Kind, "") with { Fields = [FieldFilter.Equal(FieldRoot.Spec, ["sha256"], hash)] };
        var found = await _store.ListAsync(query, cancellationToken);
        foreach (var item in found.Items)
        {
            // The lookup narrowed by hash; the final comparison is constant-time all the same.
            var stored = item.Spec.GetProperty("sha256").GetString() ?? "";
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(hash)))
            {
                return Read(item);
            }
        }
        return null;
    }

    /// <summary>Every live token with the SHA-256 it is stored under (the access cache's map, one read per store version).</summary>
    internal async Task<IReadOnlyList<HashedToken>> ListHashedAsync(CancellationToken cancellationToken)
    {
        var list = await _store.ListAsync(ResourceQuery.OfKind(Kind, ""), cancellationToken);
        return list.Items.Select(item => new HashedToken(item.Spec.GetProperty("sha256").GetString() ?? "", Read(item))).ToList();
    }

    /// <summary>Whether a presented value has the shape of an API token (anything else is never one).</summary>
    internal static bool HasTokenPrefix(string presented) => presented.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The SHA-256 of a token, lowercase hex: what the store keeps.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static ApiToken Read(StoredResource stored)
    {
        var spec = stored.Spec;
        var roles = new List<RoleBinding>();
        foreach (var role in spec.GetProperty("roles").EnumerateArray())
        {
            if (RoleBinding.TryParse(role.GetString() ?? "", out var binding, out _))
            {
                roles.Add(binding);
            }
        }
        var createdAt = DateTimeOffset.Parse(spec.GetProperty("createdAt").GetString() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        return new ApiToken(stored.Key.Name, roles, spec.GetProperty("createdBy").GetString() ?? "", createdAt);
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 63
        && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0]))
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
