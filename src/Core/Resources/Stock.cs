using Tianshan.Core.Platform;

namespace Tianshan.Core.Resources;

/// <summary>One lot of a relief material in a warehouse (库存): material × batch, with its expiry date. The balance changes only
/// through <see cref="Move"/>, which never lets it go below zero; <see cref="Version"/> is an optimistic concurrency token, so
/// two withdrawals racing on one balance cannot both be stored (the loser re-reads and is refused if stock no longer covers it).</summary>
public sealed class StockItem
{
    private StockItem() { }

    public StockItem(Guid warehouseId, Guid materialId, string? batch, DateOnly? expiresOn)
    {
        WarehouseId = warehouseId;
        MaterialId = materialId;
        Batch = batch?.Trim() ?? "";
        ExpiresOn = expiresOn;
        if (Batch.Length > 50)
            throw new DomainValidationException("batch", "批次号不能超过 50 字");
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid WarehouseId { get; private set; }
    public Warehouse? Warehouse { get; private set; }
    public Guid MaterialId { get; private set; }
    public ReliefMaterial? Material { get; private set; }
    /// <summary>批次号 ("" when the lot has none).</summary>
    public string Batch { get; private set; } = "";
    public DateOnly? ExpiresOn { get; private set; }
    public decimal Quantity { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public bool IsDemo { get; set; }

    /// <summary>Records an in or out movement and changes the balance; a withdrawal beyond the balance is refused (409) and
    /// changes nothing.</summary>
    public StockMovement Move(StockMovementKind kind, decimal quantity, string? reason, string by, DateTimeOffset at, string? voucher = null)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainValidationException("kind", "请选择入库或出库");
        if (quantity <= 0)
            throw new DomainValidationException("quantity", "数量应大于 0");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainValidationException("reason", "请填写出入库事由");
        if (voucher?.Length > 50)
            throw new DomainValidationException("voucher", "单据号不能超过 50 字");
        if (reason.Length > 500)
            throw new DomainValidationException("reason", "事由不能超过 500 字");
        var after = kind == StockMovementKind.In ? Quantity + quantity : Quantity - quantity;
        if (after < 0)
            throw new WorkflowException($"库存不足：{Material?.Name ?? "该物资"}{(Batch.Length > 0 ? $"（批次 {Batch}）" : "")}现有 {Quantity:0.##}{Material?.Unit}，不能出库 {quantity:0.##}{Material?.Unit}");
        Quantity = after;
        Version = Guid.NewGuid();
        return new StockMovement
        {
            StockItemId = Id,
            Kind = kind,
            Quantity = quantity,
            BalanceAfter = after,
            Reason = reason.Trim(),
            Voucher = string.IsNullOrWhiteSpace(voucher) ? null : voucher.Trim(),
            By = by,
            At = at,
        };
    }
}

/// <summary>A line of the stock ledger (出入库台账): what moved, why, who, when, and the balance after it.</summary>
public sealed class StockMovement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StockItemId { get; set; }
    public StockItem? StockItem { get; set; }
    public StockMovementKind Kind { get; set; }
    public decimal Quantity { get; set; }
    public decimal BalanceAfter { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>单据号: the key of an imported movement, so importing the same sheet again never moves stock twice.</summary>
    public string? Voucher { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public enum StockAlert
{
    None = 0,
    /// <summary>临近轮换: within the material's rotation window before expiry.</summary>
    DueForRotation = 1,
    /// <summary>已过期.</summary>
    Expired = 2,
}

/// <summary>Expiry and rotation (轮换) of a lot: 中央应急抢险救灾物资储备管理暂行办法 calls for rotating stock before it
/// expires; the window is the material's <see cref="ReliefMaterial.RotationMonths"/> (3 months when unset).</summary>
public static class StockAlerts
{
    public const int DefaultRotationMonths = 3;

    public static StockAlert Of(DateOnly? expiresOn, int? rotationMonths, DateOnly today)
    {
        if (expiresOn is not { } expiry)
            return StockAlert.None;
        if (expiry < today)
            return StockAlert.Expired;
        return expiry.AddMonths(-(rotationMonths ?? DefaultRotationMonths)) <= today ? StockAlert.DueForRotation : StockAlert.None;
    }

    public static string Label(StockAlert alert) => alert switch
    {
        StockAlert.Expired => "已过期",
        StockAlert.DueForRotation => "临近轮换",
        _ => "正常",
    };
}
