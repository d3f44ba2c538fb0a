using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;
using Tianshan.Core.Warnings.Cap;

namespace Tianshan.Web.Features.Warnings;

/// <summary>A warning as lists show it (ours); imported alerts have their own view.</summary>
public sealed record WarningView(Guid Id, string? Identifier, WarningMessageType MessageType, string MessageTypeLabel, WarningStatus Status,
    string StatusLabel, string EventType, string EventName, WarningLevel Level, string LevelLabel, string Headline, string AreaDescription,
    DateTimeOffset Onset, DateTimeOffset Expires, string DraftedBy, DateTimeOffset DraftedAt, string? ApprovedBy, DateTimeOffset? PublishedAt,
    Guid? PreviousId, bool IsDemo)
{
    public static WarningView Of(Warning w) => new(w.Id, w.Identifier, w.MessageType, WarningLabels.Label(w.MessageType), w.Status,
        WarningLabels.Label(w.Status), w.EventType, WarningEventTypes.Name(w.EventType), w.Level, WarningLevels.Label(w.Level), w.Headline,
        w.AreaDescription, w.Onset, w.Expires, w.DraftedBy, w.DraftedAt, w.ApprovedBy, w.PublishedAt, w.PreviousId, w.IsDemo);
}

public sealed record WarningDetail(WarningView Summary, WarningContent Content, IReadOnlyList<string> CommunityCodes, string? References,
    IReadOnlyList<WarningEvent> Timeline, IReadOnlyList<DeliveryView> Deliveries, CoverageView? Coverage);

public sealed record DeliveryView(Guid Id, WarningChannel Channel, string ChannelLabel, string RecipientName, string Category, string Address,
    string? CommunityCode, DeliveryStatus Status, string StatusLabel, int Attempts, string? LastError, DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? ReadAt, string DeliveryKey)
{
    public static DeliveryView Of(WarningDelivery d) => new(d.Id, d.Channel, ChannelLabels.Label(d.Channel), d.RecipientName,
        ChannelLabels.Label(d.Category), d.Address, d.CommunityCode, d.Status, ChannelLabels.Label(d.Status), d.Attempts, d.LastError, d.SentAt,
        d.DeliveredAt, d.ReadAt, d.DeliveryKey);
}

public sealed record CoverageView(long PeopleInArea, long PeopleReached, double? Ratio);

/// <summary>
/// The warning workflow as the API and the pages both run it: draft (bureau, department), submit, approve or send back
/// and publish (信息审核发布, never the author), update and cancel (new messages referencing the original). Publishing
/// writes the CAP XML, validated against the schema, and the outbox rows of every recipient in one SaveChanges.
/// </summary>
public sealed class WarningActions(TianshanDb db, TimeProvider time, IOptions<CapOptions> capOptions, WarningDispatcher dispatcher)
{
    /// <summary>Who drafts warnings: the bureau, the departments (relaying their sector's warning) and the 信息审核发布 staff
    /// (who then cannot approve their own draft).</summary>
    public static readonly string[] Authors = [Roles.Bureau, Roles.Department, Roles.WarningPublisher];

    /// <summary>信息审核发布.</summary>
    public static readonly string[] Publishers = [Roles.WarningPublisher];

    /// <summary>Who reads the warning ledger: the government side. Enterprises and the public read the public page.</summary>
    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Community, Roles.WarningPublisher];

    public sealed record DraftRequest(string? EventType, WarningLevel? Level, List<string>? CommunityCodes, List<string>? Polygons,
        List<string>? Circles, DateTimeOffset? Onset, DateTimeOffset? Expires, string? Headline, string? Description, string? Instruction,
        string? HeadlineEn, string? DescriptionEn, string? InstructionEn);

    public sealed record RejectRequest(string? Reason);

    /// <summary>重新发送: <paramref name="ConfirmedNotReceived"/> when a person checked that the recipient did not get it.</summary>
    public sealed record ResendRequest(bool ConfirmedNotReceived);

    /// <summary>Who may send a delivery again: the bureau's duty desk and the 信息审核发布 staff.</summary>
    public static readonly string[] Resenders = [Roles.Bureau, Roles.WarningPublisher];

    private CapOptions Cap => capOptions.Value;

    public async Task<List<WarningView>> ListAsync(WarningStatus? status, CancellationToken ct)
    {
        var query = db.Warnings.AsNoTracking();
        if (status is { } s)
            query = query.Where(w => w.Status == s);
        return (await query.ToListAsync(ct)).OrderByDescending(w => w.PublishedAt ?? w.DraftedAt).Select(WarningView.Of).ToList();
    }

    public async Task<WarningDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var w = await db.Warnings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("预警不存在");
        var deliveries = await db.WarningDeliveries.AsNoTracking().Where(d => d.WarningId == id).ToListAsync(ct);
        CoverageView? coverage = null;
        if (w.PublishedAt is not null)
        {
            var residents = await ResidentsAsync(w.CommunityCodes, ct);
            var c = WarningCoverage.Of(deliveries, residents);
            coverage = new CoverageView(c.PeopleInArea, c.PeopleReached, c.Ratio);
        }
        return new WarningDetail(WarningView.Of(w), w.Content, w.CommunityCodes, w.References, w.Events.OrderBy(e => e.At).ToList(),
            deliveries.OrderBy(d => d.Channel).ThenBy(d => d.CommunityCode).ThenBy(d => d.RecipientName).Select(DeliveryView.Of).ToList(), coverage);
    }

    public async Task<Dictionary<string, int>> ResidentsAsync(IReadOnlyCollection<string> communityCodes, CancellationToken ct) =>
        await db.Divisions.AsNoTracking().Where(d => communityCodes.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code, d => d.Residents ?? 0, ct);

    /// <summary>The CAP XML of a published message, exactly as published.</summary>
    public async Task<string> CapXmlAsync(Guid id, CancellationToken ct) =>
        await db.Warnings.AsNoTracking().Where(w => w.Id == id).Select(w => w.CapXml).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("预警不存在或尚未发布（发布后才生成 CAP 报文）");

    public async Task<Warning> DraftAsync(ClaimsPrincipal user, DraftRequest request, CancellationToken ct)
    {
        RequireAny(user, Authors, "起草预警");
        var (content, area) = await ContentAsync(request, cancel: false, ct);
        var warning = Warning.Draft(content, area, db.Scope.UserName, time.GetUtcNow());
        db.Warnings.Add(warning);
        await db.SaveChangesAsync(ct);
        return warning;
    }

    public async Task EditAsync(ClaimsPrincipal user, Guid id, DraftRequest request, CancellationToken ct)
    {
        var w = await FindAsync(id, ct);
        RequireAny(user, Authors, "修改预警");
        var (content, area) = await ContentAsync(request, w.MessageType == WarningMessageType.Cancel, ct);
        w.Edit(content, area, db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public Task SubmitAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        StepAsync(user, id, Authors, "提交审核", (w, by, now) => w.Submit(by, now), ct);

    public Task ApproveAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        StepAsync(user, id, Publishers, "审核预警", (w, by, now) => w.Approve(by, now), ct);

    public Task RejectAsync(ClaimsPrincipal user, Guid id, RejectRequest request, CancellationToken ct) =>
        StepAsync(user, id, Publishers, "退回预警", (w, by, now) => w.Reject(request.Reason ?? "", by, now), ct);

    /// <summary>
    /// 发布: the GB/T 35965.1 identifier (sequence digit = messages already sent in that second), the CAP XML (checked
    /// against the OASIS schema — an invalid one is our bug and nothing is stored), the original superseded or cancelled,
    /// and one outbox row per recipient and channel, all in one SaveChanges; then the dispatcher is woken.
    /// </summary>
    public async Task<Warning> PublishAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var w = await FindAsync(id, ct);
            RequireAny(user, Publishers, "发布预警");
            var now = time.GetUtcNow();
            var sent = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            var prefix = WarningIdentifier.SecondPrefix(Cap.DivisionCode, Cap.OrganisationCode, sent);
            var sequence = await db.Warnings.CountAsync(x => x.Identifier != null && x.Identifier.StartsWith(prefix), ct) + attempt;
            var communities = await CommunitiesAsync(w.CommunityCodes, ct);
            w.Publish(WarningIdentifier.Create(Cap.DivisionCode, Cap.OrganisationCode, sent, sequence), Cap.Sender, db.Scope.UserName, sent, x =>
            {
                var xml = WarningCap.ToAlert(x, communities, Cap).ToXml();
                var problems = CapSchema.Validate(xml);
                return problems.Count == 0 ? xml : throw new InvalidOperationException("Our CAP alert does not validate: " + string.Join("; ", problems));
            });
            if (w.PreviousId is { } previousId)
                (await FindAsync(previousId, ct)).ReplacedBy(w, sent);
            foreach (var recipient in await WarningRecipients.ResolveAsync(db, w, ct))
                db.WarningDeliveries.Add(WarningDelivery.Create(w.Id, recipient.Channel, recipient.Name, recipient.Category, recipient.Address,
                    recipient.CommunityCode, recipient.Reach, now));
            try
            {
                await db.SaveChangesAsync(ct);
                dispatcher.Wake();
                return w;
            }
            catch (DbUpdateException) when (attempt < 9)
            {
                // Another message took this identifier in the same second: the next sequence digit.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// 重新发送 one failed or unknown delivery: back in the outbox with its own delivery key (so a de-duplicating gateway
    /// does not send twice), recorded on the warning's timeline (audited), in one SaveChanges. Two people pressing it at
    /// once: the row's concurrency token lets one through and the other gets 409.
    /// </summary>
    public async Task<DeliveryView> ResendAsync(ClaimsPrincipal user, Guid warningId, Guid deliveryId, ResendRequest request, ChannelRegistry channels,
        IOptions<DeliveryOptions> delivery, CancellationToken ct)
    {
        RequireAny(user, Resenders, "重新发送预警");
        var w = await FindAsync(warningId, ct);
        var d = await db.WarningDeliveries.FirstOrDefaultAsync(x => x.Id == deliveryId && x.WarningId == warningId, ct)
            ?? throw new NotFoundException("该预警没有这条投递记录");
        var now = time.GetUtcNow();
        d.Resend(channels.For(d.Channel).DeduplicatesByKey, request.ConfirmedNotReceived, delivery.Value, now);
        w.RecordResend(d, db.Scope.UserName, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowException("该投递刚刚已被处理（他人已重新发送或状态已变化），请刷新后再看");
        }
        dispatcher.Wake();
        return DeliveryView.Of(d);
    }

    /// <summary>Drafts an update (变更) of a published warning with new content; it references the original.</summary>
    public async Task<Warning> DraftUpdateAsync(ClaimsPrincipal user, Guid id, DraftRequest request, CancellationToken ct)
    {
        RequireAny(user, Authors, "变更预警");
        var original = await FindAsync(id, ct);
        var (content, area) = await ContentAsync(request, cancel: false, ct);
        var next = original.DraftFollowUp(WarningMessageType.Update, content, area, db.Scope.UserName, time.GetUtcNow());
        db.Warnings.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    /// <summary>Drafts the cancellation (解除) of a published warning: same event, level and area, a reason in the description.</summary>
    public async Task<Warning> DraftCancelAsync(ClaimsPrincipal user, Guid id, RejectRequest request, CancellationToken ct)
    {
        RequireAny(user, Authors, "解除预警");
        var original = await FindAsync(id, ct);
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw new DomainValidationException("reason", "请填写解除预警的原因");
        var now = time.GetUtcNow();
        var content = original.Content with
        {
            Headline = $"解除{WarningEventTypes.Name(original.EventType)}{WarningLevels.Colour(original.Level)}预警",
            Description = request.Reason.Trim(),
            Instruction = "",
            Onset = now < original.Onset ? now : original.Onset,
            HeadlineEn = original.HeadlineEn is null ? null : $"Cancelled: {original.HeadlineEn}",
            DescriptionEn = original.HeadlineEn is null ? null : "The warning has been lifted.",
            InstructionEn = null,
        };
        var next = original.DraftFollowUp(WarningMessageType.Cancel, content, original.AreaDescription, db.Scope.UserName, now);
        db.Warnings.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    public async Task<Warning> FindAsync(Guid id, CancellationToken ct) =>
        await db.Warnings.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("预警不存在");

    public async Task<List<WarningCommunity>> CommunitiesAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var rows = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code) && d.Level == DivisionLevel.Community).ToListAsync(ct);
        var parents = rows.Select(r => r.ParentId).ToList();
        var streets = await db.Divisions.AsNoTracking().Where(d => parents.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return codes.Select(code => rows.FirstOrDefault(r => r.Code == code)).Where(r => r is not null)
            .Select(r => new WarningCommunity(r!.Code, r.Name, r.ParentId is { } p ? streets.GetValueOrDefault(p, "") : "", r.Latitude, r.Longitude, r.Residents ?? 0))
            .ToList();
    }

    private async Task<(WarningContent, string)> ContentAsync(DraftRequest r, bool cancel, CancellationToken ct)
    {
        var codes = (r.CommunityCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var communities = await CommunitiesAsync(codes, ct);
        var unknown = codes.Except(communities.Select(c => c.Code)).ToList();
        if (unknown.Count > 0)
            throw new DomainValidationException("communityCodes", $"以下编码不是本区的社区：{string.Join("、", unknown)}");
        var content = new WarningContent
        {
            EventType = r.EventType ?? "",
            Level = r.Level ?? 0,
            CommunityCodes = codes,
            Polygons = r.Polygons ?? [],
            Circles = r.Circles ?? [],
            Onset = r.Onset ?? default,
            Expires = r.Expires ?? default,
            Headline = r.Headline ?? "",
            Description = r.Description ?? "",
            Instruction = r.Instruction ?? "",
            HeadlineEn = r.HeadlineEn,
            DescriptionEn = r.DescriptionEn,
            InstructionEn = r.InstructionEn,
        };
        if (r.Onset is null || r.Expires is null)
            throw new DomainValidationException(r.Onset is null ? "onset" : "expires", "请填写生效时间和失效时间");
        content.EnsureValid(cancel);
        var district = await db.Divisions.AsNoTracking().Where(d => d.Level == DivisionLevel.District).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        return (content, WarningCap.Describe(district, communities, content.Polygons.Count + content.Circles.Count > 0));
    }

    private async Task StepAsync(ClaimsPrincipal user, Guid id, string[] roles, string action, Action<Warning, string, DateTimeOffset> step, CancellationToken ct)
    {
        var w = await FindAsync(id, ct);
        RequireAny(user, roles, action);
        step(w, db.Scope.UserName, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private static void RequireAny(ClaimsPrincipal user, IEnumerable<string> roles, string action)
    {
        if (!roles.Any(user.IsInRole))
            throw new ForbiddenException($"您的角色不能{action}");
    }
}
