using Barge.Storage;
using Barge.Storage.Events;

namespace Barge.Engine.Promotion;

/// <summary>A Promotion ready to store (<see cref="Resource"/>) with its PromotionCreated audit entry, or the errors in <see cref="Creation"/>.</summary>
internal sealed record PreparedPromotion(PromotionCreation Creation, NewResource? Resource, EventEntry? Audit);
