using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.People;

/// <summary>The editable facts of a person (API, Excel import and demo share this shape).</summary>
public sealed record PersonDetails
{
    public string Name { get; init; } = "";
    public PersonRole Role { get; init; }
    /// <summary>岗位/职务 (e.g. 总经理, 安全科科长, 电工).</summary>
    public string? Position { get; init; }
    public string? Phone { get; init; }
    /// <summary>入职日期: the start of three-level education for a new worker.</summary>
    public DateOnly? HiredOn { get; init; }
}

/// <summary>
/// A person whose qualification or training the bureau keeps track of: an enterprise's principal, safety managers,
/// special-operation workers and other workers (enterprise-owned: <see cref="EnterpriseId"/> set, scoped like every
/// enterprise record), or one of the bureau's own staff (<see cref="EnterpriseId"/> null, managed by the bureau).
/// </summary>
public sealed class Person
{
    private Person() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string Name { get; private set; } = "";
    public PersonRole Role { get; private set; }
    public string? Position { get; private set; }
    public string? Phone { get; private set; }
    public DateOnly? HiredOn { get; private set; }
    public bool IsDemo { get; private set; }
    public List<Certificate> Certificates { get; private set; } = [];

    public static Person Create(Guid? enterpriseId, PersonDetails details, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(details);
        var person = new Person { EnterpriseId = enterpriseId, IsDemo = isDemo };
        person.Update(details);
        return person;
    }

    public void Update(PersonDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(d.Name))
            errors["name"] = ["姓名不能为空"];
        else if (d.Name.Trim().Length > 50)
            errors["name"] = ["姓名不能超过 50 字"];
        if (!Enum.IsDefined(d.Role))
            errors["role"] = ["人员类别无效"];
        else if ((d.Role == PersonRole.BureauStaff) != (EnterpriseId is null))
            errors["role"] = [EnterpriseId is null ? "局机关人员的类别应为“局机关工作人员”" : "企业人员不能登记为局机关工作人员"];
        if (d.Position?.Length > 100)
            errors["position"] = ["岗位不能超过 100 字"];
        if (d.Phone?.Length > 50)
            errors["phone"] = ["电话不能超过 50 字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        Name = d.Name.Trim();
        Role = d.Role;
        Position = string.IsNullOrWhiteSpace(d.Position) ? null : d.Position.Trim();
        Phone = string.IsNullOrWhiteSpace(d.Phone) ? null : d.Phone.Trim();
        HiredOn = d.HiredOn;
    }
}

public sealed record CertificateDetails
{
    public CertificateKind Kind { get; init; }
    /// <summary>作业类别/操作项目 for a special-operation certificate (电工作业、焊接与热切割作业、危险化学品安全作业…).</summary>
    public string? Category { get; init; }
    public string Number { get; init; } = "";
    /// <summary>发证机关.</summary>
    public string IssuingAuthority { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    /// <summary>有效期至 (inclusive: the certificate is valid through this day).</summary>
    public DateOnly ExpiresOn { get; init; }
}

/// <summary>A certificate a person holds: what, its number, who issued it, when, and until when.</summary>
public sealed class Certificate
{
    private Certificate() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PersonId { get; private set; }
    public Person? Person { get; private set; }
    public CertificateKind Kind { get; private set; }
    public string? Category { get; private set; }
    public string Number { get; private set; } = "";
    public string IssuingAuthority { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }

    public static Certificate Create(Guid personId, CertificateDetails details)
    {
        var certificate = new Certificate { PersonId = personId };
        certificate.Update(details);
        return certificate;
    }

    public void Update(CertificateDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(d.Kind))
            errors["kind"] = ["证书类型无效"];
        if (string.IsNullOrWhiteSpace(d.Number))
            errors["number"] = ["证书编号不能为空"];
        else if (d.Number.Trim().Length > 50)
            errors["number"] = ["证书编号不能超过 50 字"];
        if (string.IsNullOrWhiteSpace(d.IssuingAuthority))
            errors["issuingAuthority"] = ["发证机关不能为空"];
        else if (d.IssuingAuthority.Length > 100)
            errors["issuingAuthority"] = ["发证机关不能超过 100 字"];
        if (d.Category?.Length > 100)
            errors["category"] = ["作业类别不能超过 100 字"];
        if (d.IssuedOn == default)
            errors["issuedOn"] = ["请填写发证日期"];
        if (d.ExpiresOn == default)
            errors["expiresOn"] = ["请填写有效期至"];
        else if (d.IssuedOn != default && d.ExpiresOn <= d.IssuedOn)
            errors["expiresOn"] = ["有效期至应晚于发证日期"];
        if (d.Kind == CertificateKind.SpecialOperation && string.IsNullOrWhiteSpace(d.Category))
            errors["category"] = ["特种作业操作证应填写作业类别"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        Kind = d.Kind;
        Category = string.IsNullOrWhiteSpace(d.Category) ? null : d.Category.Trim();
        Number = d.Number.Trim();
        IssuingAuthority = d.IssuingAuthority.Trim();
        IssuedOn = d.IssuedOn;
        ExpiresOn = d.ExpiresOn;
    }
}
