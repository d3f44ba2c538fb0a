using Tianshan.Core.Platform;

namespace Tianshan.Core.DisasterRisk;

/// <summary>The key dates at which the district plan (§三(三) 重点工程二) asks for a consultation: before the flood season,
/// before holidays, in the forest and grassland fire season, at year end — and ad hoc (e.g. before a major event).</summary>
public enum ConsultationKind
{
    BeforeFloodSeason = 1,
    Holiday = 2,
    FireSeason = 3,
    YearEnd = 4,
    AdHoc = 5,
}

/// <summary>A natural-disaster risk consultation (会商研判): who took part, the situation, the judgement and the measures.</summary>
public sealed class Consultation
{
    private Consultation() { }

    public sealed record Details(DateOnly HeldOn, ConsultationKind Kind, string Title, string Participants, string Situation, string Judgement, string Measures);

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateOnly HeldOn { get; private set; }
    public ConsultationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Participants { get; private set; } = "";
    public string Situation { get; private set; } = "";
    public string Judgement { get; private set; } = "";
    public string Measures { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public bool IsDemo { get; private set; }

    public static Consultation Create(Details details, string by, DateTimeOffset at, bool isDemo = false)
    {
        var c = new Consultation { IsDemo = isDemo };
        c.Update(details, by, at);
        return c;
    }

    public void Update(Details d, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new Dictionary<string, string[]>();
        void Required(string field, string? value, string message, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
                problems[field] = [message];
            else if (value.Length > max)
                problems[field] = [$"{message.Replace("不能为空", "", StringComparison.Ordinal)}不能超过{max}字"];
        }
        Required(nameof(d.Title), d.Title, "会商主题不能为空", 200);
        Required(nameof(d.Participants), d.Participants, "参会单位和人员不能为空", 2000);
        Required(nameof(d.Situation), d.Situation, "风险形势不能为空", 4000);
        Required(nameof(d.Judgement), d.Judgement, "研判结论不能为空", 4000);
        Required(nameof(d.Measures), d.Measures, "防范措施不能为空", 4000);
        if (!Enum.IsDefined(d.Kind))
            problems[nameof(d.Kind)] = ["会商节点不正确"];
        if (problems.Count > 0)
            throw new DomainValidationException(problems);
        HeldOn = d.HeldOn;
        Kind = d.Kind;
        Title = d.Title.Trim();
        Participants = d.Participants.Trim();
        Situation = d.Situation.Trim();
        Judgement = d.Judgement.Trim();
        Measures = d.Measures.Trim();
        RecordedBy = by;
        RecordedAt = at;
    }

    public static string Label(ConsultationKind kind) => kind switch
    {
        ConsultationKind.BeforeFloodSeason => "汛前",
        ConsultationKind.Holiday => "节假日前",
        ConsultationKind.FireSeason => "森林草原防火期",
        ConsultationKind.YearEnd => "年末",
        _ => "临时会商",
    };
}
