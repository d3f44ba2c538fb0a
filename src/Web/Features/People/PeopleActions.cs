using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.People;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.People;

public sealed record CertificateView(Guid Id, Guid PersonId, string PersonName, PersonRole PersonRole, Guid? EnterpriseId, string Affiliation,
    CertificateKind Kind, string KindLabel, string? Category, string Number, string IssuingAuthority, DateOnly IssuedOn, DateOnly ExpiresOn,
    CertificateState State, int DaysLeft, int? WindowDays, string AlertLabel);

public sealed record PersonView(Guid Id, Guid? EnterpriseId, string Affiliation, string Name, PersonRole Role, string RoleLabel, string? Position,
    string? Phone, DateOnly? HiredOn, IReadOnlyList<CertificateView> Certificates, string? EnterpriseCreditCode = null);

/// <summary>
/// People and their certificates as the API, the pages and the Excel export share them. Reads go through the scoped context
/// (an enterprise sees its own people only); writes check the caller's role: an enterprise manages its own people, the
/// bureau manages its own staff (and may correct any enterprise's record in its scope).
/// </summary>
public static class PeopleActions
{
    public const string BureauName = "区应急管理局";

    public static readonly string[] Readers = [Roles.Bureau, Roles.Department, Roles.Street, Roles.Enterprise];

    public static readonly string[] Writers = [Roles.Bureau, Roles.Enterprise];

    public sealed record Filter(PersonRole? Role = null, Guid? EnterpriseId = null, string? Q = null);

    public sealed record PersonRequest(Guid? EnterpriseId, string? Name, PersonRole? Role, string? Position, string? Phone, DateOnly? HiredOn);

    public sealed record CertificateRequest(CertificateKind? Kind, string? Category, string? Number, string? IssuingAuthority, DateOnly? IssuedOn, DateOnly? ExpiresOn);

    internal static CertificateView ViewOf(Certificate c, Person p, DateOnly today, CertificateAlertOptions options)
    {
        var alert = CertificateExpiry.On(c.ExpiresOn, today, options);
        return new CertificateView(c.Id, p.Id, p.Name, p.Role, p.EnterpriseId, p.Enterprise?.Name ?? BureauName, c.Kind, PeopleLabels.Label(c.Kind), c.Category,
            c.Number, c.IssuingAuthority, c.IssuedOn, c.ExpiresOn, alert.State, alert.DaysLeft, alert.WindowDays, alert.Label);
    }

    private static PersonView ViewOf(Person p, DateOnly today, CertificateAlertOptions options) =>
        new(p.Id, p.EnterpriseId, p.Enterprise?.Name ?? BureauName, p.Name, p.Role, PeopleLabels.Label(p.Role), p.Position, p.Phone, p.HiredOn,
            p.Certificates.OrderBy(c => c.ExpiresOn).Select(c => ViewOf(c, p, today, options)).ToList(), p.Enterprise?.CreditCode);

    public static async Task<List<PersonView>> ListAsync(TianshanDb db, Filter f, TimeProvider time, CertificateAlertOptions options, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().Include(p => p.Enterprise).Include(p => p.Certificates).AsQueryable();
        if (f.Role is { } role)
            query = query.Where(p => p.Role == role);
        if (f.EnterpriseId is { } enterprise)
            query = query.Where(p => p.EnterpriseId == enterprise);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(p => p.Name.Contains(q) || (p.Position != null && p.Position.Contains(q)) || (p.Enterprise != null && p.Enterprise.Name.Contains(q)));
        }
        var today = ChinaTime.Today(time);
        return (await query.AsSplitQuery().ToListAsync(ct))
            .OrderBy(p => p.EnterpriseId is not null).ThenBy(p => p.Enterprise?.Name, StringComparer.Ordinal).ThenBy(p => p.Role).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => ViewOf(p, today, options)).ToList();
    }

    public static async Task<PersonView> GetAsync(TianshanDb db, Guid id, TimeProvider time, CertificateAlertOptions options, CancellationToken ct)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Enterprise).Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("人员不存在或不在您的管辖范围内");
        return ViewOf(p, ChinaTime.Today(time), options);
    }

    /// <summary>Certificates inside an alert window or expired, the most urgent first (expired before due, fewest days left first).</summary>
    public static async Task<List<CertificateView>> AlertsAsync(TianshanDb db, TimeProvider time, CertificateAlertOptions options, CancellationToken ct)
    {
        var today = ChinaTime.Today(time);
        var horizon = today.AddDays(options.WindowDays.DefaultIfEmpty(0).Max());
        var rows = await db.Certificates.AsNoTracking().Include(c => c.Person!).ThenInclude(p => p.Enterprise).Where(c => c.ExpiresOn <= horizon).ToListAsync(ct);
        return rows.Select(c => ViewOf(c, c.Person!, today, options)).Where(v => v.State != CertificateState.Valid).OrderBy(v => v.DaysLeft).ToList();
    }

    public static async Task<Person> CreateAsync(TianshanDb db, ClaimsPrincipal user, PersonRequest request, CancellationToken ct)
    {
        var enterpriseId = await OwnerAsync(db, user, request.EnterpriseId, ct);
        var person = Person.Create(enterpriseId, Details(request));
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    public static async Task UpdateAsync(TianshanDb db, ClaimsPrincipal user, Guid id, PersonRequest request, CancellationToken ct)
    {
        var person = await FindForWriteAsync(db, user, id, ct);
        person.Update(Details(request));
        await db.SaveChangesAsync(ct);
    }

    public static async Task DeleteAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var person = await FindForWriteAsync(db, user, id, ct);
        if (await db.Attendances.IgnoreQueryFilters().AnyAsync(a => a.PersonId == id, ct))
            throw new WorkflowException($"{person.Name}有培训记录，不能删除");
        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Certificate> AddCertificateAsync(TianshanDb db, ClaimsPrincipal user, Guid personId, CertificateRequest request, CancellationToken ct)
    {
        var person = await FindForWriteAsync(db, user, personId, ct);
        var certificate = Certificate.Create(person.Id, CertificateDetails(request));
        // Certificate numbers are unique per kind across the district (another enterprise's included): a duplicate is a conflict.
        if (await db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.Kind == certificate.Kind && c.Number == certificate.Number, ct))
            throw new WorkflowException($"{PeopleLabels.Label(certificate.Kind)} {certificate.Number} 已登记");
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    public static async Task DeleteCertificateAsync(TianshanDb db, ClaimsPrincipal user, Guid personId, Guid certificateId, CancellationToken ct)
    {
        var person = await FindForWriteAsync(db, user, personId, ct);
        var certificate = person.Certificates.FirstOrDefault(c => c.Id == certificateId) ?? throw new NotFoundException("证书不存在");
        db.Certificates.Remove(certificate);
        await db.SaveChangesAsync(ct);
    }

    internal static PersonDetails Details(PersonRequest r) => new()
    {
        Name = r.Name ?? "", Role = r.Role ?? throw new DomainValidationException("role", "请选择人员类别"), Position = r.Position, Phone = r.Phone, HiredOn = r.HiredOn,
    };

    internal static CertificateDetails CertificateDetails(CertificateRequest r) => new()
    {
        Kind = r.Kind ?? throw new DomainValidationException("kind", "请选择证书类型"), Category = r.Category, Number = r.Number ?? "",
        IssuingAuthority = r.IssuingAuthority ?? "", IssuedOn = r.IssuedOn ?? default, ExpiresOn = r.ExpiresOn ?? default,
    };

    /// <summary>Whose record a new person is: an enterprise user's own enterprise (asking for another is "not found"); for the
    /// bureau the enterprise named, or none — its own staff.</summary>
    internal static async Task<Guid?> OwnerAsync(TianshanDb db, ClaimsPrincipal user, Guid? requested, CancellationToken ct)
    {
        if (!Writers.Any(user.IsInRole))
            throw new ForbiddenException("您的角色不能登记人员");
        if (db.Scope.EnterpriseId is { } own)
        {
            if (requested is { } other && other != own)
                throw new NotFoundException("企业不存在或不在您的管辖范围内");
            return own;
        }
        if (requested is { } id && !await db.Enterprises.AnyAsync(e => e.Id == id, ct))
            throw new NotFoundException("企业不存在或不在您的管辖范围内");
        return requested;
    }

    internal static async Task<Person> FindForWriteAsync(TianshanDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Certificates).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("人员不存在或不在您的管辖范围内");
        if (!Writers.Any(user.IsInRole))
            throw new ForbiddenException("您的角色不能修改人员信息");
        if (person.EnterpriseId is null && !user.IsInRole(Roles.Bureau))
            throw new ForbiddenException("局机关人员由区应急管理局管理");
        return person;
    }
}
