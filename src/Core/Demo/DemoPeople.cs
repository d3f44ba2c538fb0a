using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.People;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Demo;

/// <summary>
/// Demo people, training and publicity (演示数据, all illustrative): every demo enterprise's principal and safety director
/// (from the registry) with their competence certificates, special-operation workers of the first enterprises with some
/// certificates due within 30 and 90 days and one expired, new workers with three-level education, the bureau's staff and
/// their training, the emergency-competence course (most high-risk principals and managers attended), two disaster-informant
/// trainings this year, publicity activities and knowledge surveys in every community — so EP-04, EP-14, DP-03 and DP-04
/// show numbers. Dates are relative to the first start.
/// </summary>
public static class DemoPeople
{
    private const string Authority = "克拉玛依市应急管理局";

    private static readonly (string Name, string Position)[] BureauStaff =
    [
        ("马建国", "执法大队队长"), ("李秀兰", "执法队员"), ("古丽米热·阿不都", "安全生产科科长"),
        ("张海峰", "安全生产科科员"), ("刘晓燕", "危化品监管科科长"), ("王志强", "减灾救灾科科员"),
    ];

    private static readonly string[] Operations = ["电工作业", "焊接与热切割作业", "高处作业", "危险化学品安全作业（化工自动化控制仪表作业）", "压力容器作业"];

    public static async Task SeedAsync(TianshanDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.People.IgnoreQueryFilters().AnyAsync(ct))
            return;
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        var yearStart = new DateOnly(today.Year, 1, 1);
        // A day of this year, never after today (the demo may start on 2 January).
        DateOnly ThisYear(int dayOfYear) => yearStart.AddDays(dayOfYear) > today ? today : yearStart.AddDays(dayOfYear);
        var serial = 0;
        string Number(string prefix) => $"{prefix}{today.Year % 100:00}{++serial:00000}";

        var enterprises = await db.Enterprises.IgnoreQueryFilters().OrderBy(e => e.CreditCode).ToListAsync(ct);
        var order = DemoSeeder.Load().Enterprises.Select(e => e.CreditCode).ToList();
        enterprises = [.. enterprises.OrderBy(e => order.IndexOf(e.CreditCode) is var i && i < 0 ? int.MaxValue : i)];
        var managers = new List<(Person Person, Enterprise Enterprise)>();
        for (var i = 0; i < enterprises.Count; i++)
        {
            var e = enterprises[i];
            var principal = Person.Create(e.Id, new PersonDetails { Name = e.PrincipalName, Role = PersonRole.Principal, Position = "主要负责人", Phone = e.PrincipalPhone }, isDemo: true);
            principal.Certificates.Add(Certificate.Create(principal.Id, new CertificateDetails
            {
                Kind = CertificateKind.PrincipalCompetence, Number = Number("FZR"), IssuingAuthority = Authority,
                IssuedOn = today.AddYears(-2).AddDays(-i * 7), ExpiresOn = today.AddYears(1).AddDays(-i * 7),
            }));
            db.People.Add(principal);
            managers.Add((principal, e));
            if (e.SafetyDirectorName is { Length: > 0 } director)
            {
                var manager = Person.Create(e.Id, new PersonDetails { Name = director, Role = PersonRole.SafetyManager, Position = "安全总监", Phone = e.SafetyDirectorPhone }, isDemo: true);
                // Enterprise 3's safety director is due within 90 days; enterprise 4's within 30.
                var expires = i switch { 3 => today.AddDays(75), 4 => today.AddDays(20), _ => today.AddYears(2).AddDays(i * 5) };
                manager.Certificates.Add(Certificate.Create(manager.Id, new CertificateDetails
                {
                    Kind = CertificateKind.SafetyManagerCompetence, Number = Number("AQY"), IssuingAuthority = Authority,
                    IssuedOn = expires.AddYears(-3), ExpiresOn = expires,
                }));
                db.People.Add(manager);
                managers.Add((manager, e));
            }
        }

        // Special-operation workers of the first six enterprises: 6-year certificates (总局令第30号), one expired, some due.
        string[] workerNames = ["韩立新", "阿力木·买买提", "胡建军", "吴海燕", "努尔兰·哈斯木", "冯志刚", "马秀英", "邓晓明", "唐国强", "于丽", "许文斌", "热依拉·艾山"];
        var workers = new List<Person>();
        for (var k = 0; k < workerNames.Length; k++)
        {
            var e = enterprises[k % 6];
            var worker = Person.Create(e.Id, new PersonDetails { Name = workerNames[k] + "（演示）", Role = PersonRole.SpecialOperationWorker, Position = Operations[k % Operations.Length] }, isDemo: true);
            var expires = k switch
            {
                0 => today.AddDays(-12),    // expired: may not work in that post until re-certified
                1 => today.AddDays(25),
                2 => today.AddDays(60),
                6 => today.AddDays(85),
                _ => today.AddYears(3).AddDays(k * 11),
            };
            worker.Certificates.Add(Certificate.Create(worker.Id, new CertificateDetails
            {
                Kind = CertificateKind.SpecialOperation, Category = Operations[k % Operations.Length], Number = Number("T650202"),
                IssuingAuthority = Authority, IssuedOn = expires.AddYears(-6), ExpiresOn = expires,
            }));
            db.People.Add(worker);
            workers.Add(worker);
        }

        // New workers of the first two enterprises (the demo logins' own) and their three-level education.
        var newWorkers = new List<Person>();
        string[] newNames = ["王小东", "李娜", "陈浩", "买合木提·吐尔逊", "赵婷", "孙凯"];
        for (var k = 0; k < newNames.Length; k++)
        {
            var worker = Person.Create(enterprises[k % 2].Id, new PersonDetails
            {
                Name = newNames[k] + "（演示）", Role = PersonRole.Worker, Position = k % 2 == 0 ? "操作工" : "储运工", HiredOn = ThisYear(150 + k),
            }, isDemo: true);
            db.People.Add(worker);
            newWorkers.Add(worker);
        }
        foreach (var (kind, offset, hours) in new[] { (TrainingKind.ThreeLevelCompany, 152, 24m), (TrainingKind.ThreeLevelWorkshop, 160, 24m), (TrainingKind.ThreeLevelTeam, 170, 24m) })
        {
            for (var k = 0; k < 2; k++)
            {
                var session = TrainingSession.Create(enterprises[k].Id, new TrainingDetails
                {
                    Topic = $"{today.Year} 年新员工{PeopleLabels.Label(kind)}", Kind = kind, Organiser = enterprises[k].Name, HeldOn = ThisYear(offset + k),
                    Hours = hours, Place = "企业培训教室",
                }, isDemo: true);
                // The last new worker of each enterprise has not yet had team-level education.
                foreach (var w in newWorkers.Where(w => w.EnterpriseId == enterprises[k].Id).SkipLast(kind == TrainingKind.ThreeLevelTeam ? 1 : 0))
                    session.Attend(w, null);
                db.TrainingSessions.Add(session);
            }
        }

        // The bureau's emergency-competence course: every high-risk principal and safety manager but three attended.
        Sector[] highRisk = [Sector.HazardousChemicals, Sector.NonCoalMines, Sector.IndustryTrade];
        var course = TrainingSession.Create(null, new TrainingDetails
        {
            Topic = $"{today.Year} 年高危行业主要负责人和安全管理人员应急能力培训", Kind = TrainingKind.EmergencyCompetence, Organiser = "区应急管理局",
            HeldOn = ThisYear(120), Hours = 16, Place = "区应急指挥中心会议室",
        }, isDemo: true);
        foreach (var (person, _) in managers.Where(m => highRisk.Contains(m.Enterprise.Sector)).SkipLast(3))
            course.Attend(person, null);
        db.TrainingSessions.Add(course);

        // The bureau's own staff and their training hours.
        var staff = BureauStaff.Select(s => Person.Create(null, new PersonDetails { Name = s.Name, Role = PersonRole.BureauStaff, Position = s.Position }, isDemo: true)).ToList();
        foreach (var (person, k) in staff.Select((p, k) => (p, k)).Where(x => x.p.Position!.StartsWith("执法", StringComparison.Ordinal)))
        {
            person.Certificates.Add(Certificate.Create(person.Id, new CertificateDetails
            {
                Kind = CertificateKind.LawEnforcement, Number = Number("ZFZ"), IssuingAuthority = "新疆维吾尔自治区人民政府", IssuedOn = today.AddYears(-2),
                ExpiresOn = k == 0 ? today.AddDays(45) : today.AddYears(3),
            }));
        }
        db.People.AddRange(staff);
        foreach (var (topic, offset, hours) in new[] { ("应急管理综合行政执法业务培训", 60, 24m), ("安全生产法及配套规章专题学习", 200, 8m) })
        {
            var session = TrainingSession.Create(null, new TrainingDetails
            {
                Topic = topic, Kind = TrainingKind.BureauStaff, Organiser = "区应急管理局", HeldOn = ThisYear(offset), Hours = hours, Place = "局会议室",
            }, isDemo: true);
            foreach (var p in staff.Where((_, k) => offset == 60 || k % 2 == 0))
                session.Attend(p, null);
            db.TrainingSessions.Add(session);
        }

        // Disaster-informant trainings: two this year; a few informants missed the second.
        var informants = await db.DisasterInformants.IgnoreQueryFilters().OrderBy(i => i.Code).ToListAsync(ct);
        foreach (var (topic, offset) in new[] { ("灾害信息员业务培训（汛前）", 110), ("灾害信息员业务培训（灾情统计报送系统操作）", 250) })
        {
            var session = TrainingSession.Create(null, new TrainingDetails
            {
                Topic = topic, Kind = TrainingKind.DisasterInformant, Organiser = "区应急管理局减灾救灾科", HeldOn = ThisYear(offset), Hours = 4, Place = "区应急指挥中心",
            }, isDemo: true);
            foreach (var informant in informants.Where((_, k) => offset == 110 || k % 5 != 4))
                session.Attend(informant, null);
            db.TrainingSessions.Add(session);
        }

        // Publicity and surveys in every community with a census household count.
        var communities = await db.CommunityExposures.IgnoreQueryFilters().Include(c => c.Division).OrderBy(c => c.Division!.Code).ToListAsync(ct);
        var n = 0;
        foreach (var c in communities)
        {
            var community = c.Division!;
            // Most communities reached most homes; every fourth well below.
            var share = n % 4 == 3 ? 0.55 : 0.92 + n % 3 * 0.03;
            var reached = (int)(c.Households * share);
            db.PublicityActivities.Add(PublicityActivity.Create(community, new PublicityDetails
            {
                Title = "5·12 全国防灾减灾日进社区宣传", Kind = PublicityKind.DisasterReductionDay, Place = $"{community.Name}文化广场", HeldOn = ThisYear(131),
                Audience = reached * 2 / 3, HouseholdsReached = reached * 2 / 3, Organiser = "区应急管理局",
            }, isDemo: true));
            db.PublicityActivities.Add(PublicityActivity.Create(community, new PublicityDetails
            {
                Title = "安全生产月宣传咨询日", Kind = PublicityKind.SafetyMonth, Place = $"{community.Name}党群服务中心", HeldOn = ThisYear(165),
                Audience = reached / 2, HouseholdsReached = reached - reached * 2 / 3, Organiser = $"{community.Name}居委会",
            }, isDemo: true));
            var sample = 100 + n % 3 * 20;
            db.KnowledgeSurveys.Add(KnowledgeSurvey.Create(community, new SurveyDetails
            {
                Kind = SurveyKind.DisasterReduction, ConductedOn = ThisYear(280), SampleSize = sample, Passing = sample * (n % 5 == 2 ? 84 : 93) / 100,
                Organiser = "区应急管理局减灾救灾科",
            }, isDemo: true));
            db.KnowledgeSurveys.Add(KnowledgeSurvey.Create(community, new SurveyDetails
            {
                Kind = SurveyKind.FireSafetyAwareness, ConductedOn = ThisYear(300), SampleSize = sample, Passing = sample * (n % 4 == 1 ? 80 : 88) / 100,
                Organiser = "区消防救援大队",
            }, isDemo: true));
            n++;
        }
        await db.SaveChangesAsync(ct);
    }
}
