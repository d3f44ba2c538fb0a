using Tianshan.Core.Platform;

namespace Tianshan.Core.DisasterRisk;

/// <summary>The key dates at which the district disaster-reduction plan (区综合防灾减灾规划 三(三)2) asks for a consultation: before the flood season,
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

    /// <summary>Earliest date a consultation can be recorded for: the district's records start with the 十三五 plans.</summary>
    public static readonly DateOnly EarliestHeldOn = new(2000, 1, 1);

    /// <summary>Length limits of the text fields (the same as the column sizes in ConsultationConfiguration).</summary>
    public const int TitleMax = 200, ParticipantsMax = 2000, TextMax = 4000;

    public void Update(Details d, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(d);
        // Field names as the API's JSON spells them, so a client (and the page) can put each message beside its field.
        var problems = new Dictionary<string, string[]>();
        void Required(string field, string? value, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
                problems[field] = [$"{label}不能为空"];
            else if (value.Trim().Length > max)
                problems[field] = [$"{label}不能超过{max}字（现为{value.Trim().Length}字）"];
        }
        Required("title", d.Title, "会商主题", TitleMax);
        Required("participants", d.Participants, "参会单位和人员", ParticipantsMax);
        Required("situation", d.Situation, "风险形势", TextMax);
        Required("judgement", d.Judgement, "研判结论", TextMax);
        Required("measures", d.Measures, "防范措施", TextMax);
        if (!Enum.IsDefined(d.Kind))
            problems["kind"] = ["会商节点不正确"];
        // A consultation is recorded when it is held, or shortly before when it is scheduled (a holiday consultation is
        // fixed a few days ahead); a date a year away or before 2000 is a typing error.
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime);
        if (d.HeldOn < EarliestHeldOn)
            problems["heldOn"] = ["会商日期不能为空，且不能早于2000年"];
        else if (d.HeldOn > today.AddDays(366))
            problems["heldOn"] = ["会商日期不能晚于一年以后"];
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
