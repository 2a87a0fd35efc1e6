using Barge.Engine.Registry;
using Xunit;

namespace Barge.Engine.Tests.Registry;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Parse_BearerWithQuotedParameters_ReadsEveryOne()
    {
        var challenge = AuthChallenge.Parse("Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull,push\"");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Parameter("realm"));
        Assert.Equal("registry.example.com", challenge.Parameter("service"));
        Assert.Equal("repository:a/b:pull,push", challenge.Parameter("scope"));
    }

    [Theory]
    [InlineData("Basic realm=\"Registry Realm\"", "Basic", "Registry Realm")]
    [InlineData("basic realm=plain", "basic", "plain")]
    [InlineData("Bearer realm=\"a\\\"b\"", "Bearer", "a\"b")]
    public void Parse_Variants_SchemeAndRealm(string header, string scheme, string realm)
    {
        var challenge = AuthChallenge.Parse(header)!;

        Assert.Equal(scheme, challenge.Scheme);
        Assert.Equal(realm, challenge.Parameter("realm"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("realm=\"x\"")]
    public void Parse_NotAChallenge_Null(string? header) => Assert.Null(AuthChallenge.Parse(header));
}
