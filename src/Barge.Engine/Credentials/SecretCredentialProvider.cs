using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Barge.Engine.Credentials;

/// <summary>
/// Kargo's Secret matching over a list of Secrets: those labelled
/// <c>kargo.akuity.io/cred-type</c> with the wanted type are tried in name order, and the first
/// whose <c>repoURL</c> equals the repository (both normalised), or, with
/// <c>repoURLIsRegex: "true"</c>, whose pattern matches the raw or normalised URL, wins. Its
/// <c>username</c> and <c>password</c> are the answer. Like Kargo, no credentials are handed out
/// for a plain <c>http://</c> URL unless <paramref name="allowCredentialsOverHttp"/> is set.
/// </summary>
public sealed partial class SecretCredentialProvider : ICredentialProvider
{
    public const string CredentialTypeLabel = "kargo.akuity.io/cred-type";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<SecretRecord> _secrets;
    private readonly bool _allowCredentialsOverHttp;
    private readonly ILogger _logger;

    public SecretCredentialProvider(IEnumerable<SecretRecord> secrets, ILogger<SecretCredentialProvider> logger, bool allowCredentialsOverHttp = false)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(logger);
        _secrets = [.. secrets.OrderBy(s => s.Name, StringComparer.Ordinal)];
        _logger = logger;
        _allowCredentialsOverHttp = allowCredentialsOverHttp;
    }

    public string Name => "secrets";

    public ValueTask<RepositoryCredentials?> GetCredentialsAsync(CredentialType type, string repoUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repoUrl);
        if (!_allowCredentialsOverHttp && repoUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            LogRefusedOverHttp(_logger, repoUrl);
            return ValueTask.FromResult<RepositoryCredentials?>(null);
        }
        var label = LabelValue(type);
        var normalised = CredentialUrl.Normalize(type, repoUrl);
        foreach (var secret in _secrets)
        {
            if (!secret.Labels.TryGetValue(CredentialTypeLabel, out var secretType) || secretType != label)
            {
                continue;
            }
            if (!secret.Data.TryGetValue("repoURL", out var pattern) || !Matches(secret, type, pattern, repoUrl, normalised))
            {
                continue;
            }
            secret.Data.TryGetValue("username", out var username);
            secret.Data.TryGetValue("password", out var password);
            return ValueTask.FromResult<RepositoryCredentials?>(new RepositoryCredentials(username ?? string.Empty, password ?? string.Empty));
        }
        return ValueTask.FromResult<RepositoryCredentials?>(null);
    }

    public static string LabelValue(CredentialType type) => type switch
    {
        CredentialType.Git => "git",
        CredentialType.Image => "image",
        CredentialType.Helm => "helm",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown credential type"),
    };

    private bool Matches(SecretRecord secret, CredentialType type, string pattern, string repoUrl, string normalised)
    {
        var isRegex = secret.Data.TryGetValue("repoURLIsRegex", out var flag) && flag == "true";
        if (!isRegex)
        {
            return CredentialUrl.Normalize(type, pattern) == normalised;
        }
        try
        {
            // RE2 has no backtracking; the non-backtracking engine accepts the same family of patterns.
            var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout);
            return regex.IsMatch(repoUrl) || regex.IsMatch(normalised);
        }
        catch (ArgumentException)
        {
            LogInvalidPattern(_logger, secret.Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "refused to hand out credentials for the plain-HTTP repository {RepoUrl}")]
    private static partial void LogRefusedOverHttp(ILogger logger, string repoUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret \"{SecretName}\": repoURL is not a valid regular expression; the Secret is skipped")]
    private static partial void LogInvalidPattern(ILogger logger, string secretName);
}
