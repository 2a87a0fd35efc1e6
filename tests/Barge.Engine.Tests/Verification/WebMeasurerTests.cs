using Barge.Engine.Verification;
using Barge.Expressions;
using Barge.Resources.Model;
using Xunit;

namespace Barge.Engine.Tests.Verification;

public sealed class WebMeasurerTests
{
    [Theory]
    [InlineData("success only, true", "result == true", null, "true", VerificationPhase.Successful)]
    [InlineData("success only, false", "result == true", null, "false", VerificationPhase.Failed)]
    [InlineData("failure only, false", null, "result > 0.5", "0.1", VerificationPhase.Successful)]
    [InlineData("failure only, true", null, "result > 0.5", "0.9", VerificationPhase.Failed)]
    [InlineData("both, neither", "result > 5", "result < 1", "3", VerificationPhase.Inconclusive)]
    [InlineData("both, failure wins", "result > 0", "result > 0", "3", VerificationPhase.Failed)]
    [InlineData("none", null, null, "3", VerificationPhase.Successful)]
    [InlineData("numbers are floats", "result == 1.0 && result / 2 == 0.5", null, "1", VerificationPhase.Successful)]
    [InlineData("list result", "len(result) == 2 && result[1] >= 0.9", null, "[0.5, 0.95]", VerificationPhase.Successful)]
    [InlineData("asInt of a numeric string", "asInt(result) > 5", null, "\"7\"", VerificationPhase.Successful)]
    [InlineData("asFloat of a string", "asFloat(result) < 0.01", null, "\"0.001\"", VerificationPhase.Successful)]
    [InlineData("isNil", "isNil(result)", null, "null", VerificationPhase.Successful)]
    [InlineData("default", "default(result, 3) == 3", null, "null", VerificationPhase.Successful)]
    [InlineData("asInt of a word", "asInt(result) > 5", null, "\"many\"", VerificationPhase.Error)]
    [InlineData("non-bool", "result", null, "3", VerificationPhase.Error)]
    [InlineData("runtime error", "result.nope > 1", null, "3", VerificationPhase.Error)]
    public void Evaluate_Conditions_FollowArgo(string scenario, string? success, string? failure, string resultJson, VerificationPhase expected)
    {
        var metric = new AnalysisMetric { Name = "m", SuccessCondition = success, FailureCondition = failure };

        var (phase, message) = WebMeasurer.Evaluate(metric, ExprJson.Parse(resultJson, numbersAsFloats: true));

        Assert.True(expected == phase, $"{scenario}: {phase} {message}");
    }
}
