using Barge.Engine.Git;
using Xunit;

namespace Barge.Engine.Tests.Git;

public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("user and password", "https://alice:pw@example.com/r.git", "https://***@example.com/r.git")]
    [InlineData("token only", "fatal: unable to access 'https://ghp_abc@example.com/r/': 403", "fatal: unable to access 'https://***@example.com/r/': 403")]
    [InlineData("two urls", "http://a:b@h1/x and ssh://c@h2/y", "http://***@h1/x and ssh://***@h2/y")]
    [InlineData("no userinfo", "https://example.com/r.git", "https://example.com/r.git")]
    [InlineData("email is not a url", "Ada <ada@example.com>", "Ada <ada@example.com>")]
    public void Redact_Text_RemovesUserInfoOnly(string scenario, string text, string expected)
    {
        Assert.True(expected == UrlRedaction.Redact(text), scenario);
    }
}
