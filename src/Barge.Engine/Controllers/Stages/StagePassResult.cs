using Barge.Engine.Promotion;
using Barge.Resources.Model;
using Barge.Storage.Events;

namespace Barge.Engine.Controllers.Stages;

/// <summary>What one Stage pass decided: the Stage's new status, the Promotions to create, the audit entries, and when to look again.</summary>
internal sealed record StagePassResult(StageStatus Status, IReadOnlyList<PreparedPromotion> Create, IReadOnlyList<EventEntry> Events, TimeSpan? RequeueAfter);
