using Barge.Engine.Promotion.Steps;

namespace Barge.Engine.Promotion;

/// <summary>The one list of built-in steps.</summary>
internal static class BuiltinSteps
{
    public static PromotionStepRegistryBuilder AddBuiltinSteps(this PromotionStepRegistryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Add(new ComposeOutputStep())
            .Add(new SetMetadataStep())
            .Add(new SetFreightAliasStep())
            .Add(new FailStep())
            .Add(new YamlMergeStep())
            .Add(new KustomizeSetImageStep())
            .Add(new CopyStep())
            .Add(new DeleteStep())
            .Add(new TomlUpdateStep())
            .Add(new JsonUpdateStep())
            .Add(new YamlUpdateStep())
            .Add(new FileWriteStep())
            .Add(new TarStep())
            .Add(new UntarStep())
            .Add(new HttpDownloadStep())
            .Add(new SendMessageStep())
            .Add(new YamlParseStep())
            .Add(new JsonParseStep())
            .Add(new TomlParseStep())
            .Add(new HttpStep())
            .Add(new GitCloneStep())
            .Add(new GitClearStep())
            .Add(new GitCommitStep())
            .Add(new GitTagStep())
            .Add(new GitPushStep());
    }
}
