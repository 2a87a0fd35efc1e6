using Barge.Resources.Model;

namespace Barge.Server.Webhooks;

/// <summary>A configured receiver with its Secret opened: where it listens and what authenticates it.</summary>
internal sealed record ReceiverEntry(string Project, string Name, ReceiverType Type, WebhookReceiverConfig Config, string Path, string SecretValue);
