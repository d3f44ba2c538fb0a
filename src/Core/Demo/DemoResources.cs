using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Platform;
using Tianshan.Core.Resources;

namespace Tianshan.Core.Demo;

/// <summary>
/// The demo resource atlas (演示数据). Real, from the district's plans: 27 rescue teams (1 comprehensive fire-rescue, 1
/// professional — 独山子石化公司消防内保支队, 24 government-led with enterprises, 1 civil — 天山救援队), 9 emergency shelters
/// mainly in earthquake-proof school buildings, one relief warehouse with 16 kinds and 4,797 items whose tents relocate about
/// 2,000 people, and the new grade-1 station at 长岭路/喀什路 with its four trucks. Illustrative (made up): every other name,
/// head count, coordinate, phone number, date, and the informants per community (some below the target of two on purpose).
/// </summary>
public static class DemoResources
{
    private const string Demo = "（演示）";

    private static readonly (string Name, string Specialty, int Members, int Authorised, int Held, int Required)[] GovernmentLed =
    [
        ("区危险化学品应急救援队", "危化品泄漏、火灾处置", 32, 40, 18, 20),
        ("区防汛抢险队", "防洪渠抢险、排涝", 45, 50, 22, 25),
        ("区地震灾害紧急救援队", "建筑物倒塌搜救", 30, 40, 12, 20),
        ("区医疗卫生应急救援队", "伤员救治、转运", 28, 30, 15, 15),
        ("区电力抢修队", "供电线路抢修、应急供电", 26, 30, 14, 16),
        ("区供水抢修队", "供水管网抢修", 18, 20, 9, 10),
        ("区燃气抢险队", "燃气泄漏处置", 20, 20, 10, 10),
        ("区通信保障队", "应急通信保障", 15, 20, 8, 12),
        ("区交通运输保障队", "人员物资运输", 25, 30, 20, 20),
        ("区道路抢通队", "道路桥梁抢通", 30, 30, 16, 18),
        ("区森林草原灭火队", "草原火灾扑救", 35, 40, 15, 20),
        ("区环境应急监测队", "环境监测、污染处置", 12, 15, 6, 8),
        ("区卫生防疫队", "疾病预防控制", 16, 20, 8, 8),
        ("区治安保障队", "现场警戒、交通管制", 40, 40, 12, 12),
        ("区建筑工程抢险队", "房屋应急排危", 28, 35, 10, 14),
        ("区特种设备应急队", "电梯、锅炉事故处置", 10, 12, 5, 6),
        ("区非煤矿山救护队", "矿山救护", 18, 24, 8, 12),
        ("区应急物资保障队", "物资调运、发放", 20, 20, 6, 6),
        ("区气象应急保障队", "现场气象服务", 8, 10, 4, 5),
        ("区心理援助队", "心理疏导", 10, 12, 2, 2),
        ("西宁路街道应急分队", "先期处置、转移群众", 24, 30, 6, 8),
        ("金山路街道应急分队", "先期处置、转移群众", 22, 30, 5, 8),
        ("新北区街道应急分队", "先期处置、转移群众", 20, 30, 4, 8),
        ("独山子大峡谷景区救援队", "景区游客救援", 12, 15, 6, 8),
    ];

    /// <summary>The relief warehouse's 16 kinds, 4,797 items (tents: 500 × 4 people ≈ 2,000, the plan's own figure).</summary>
    private static readonly (string Code, string Name, string Category, string Unit, decimal? PeoplePerUnit, int? RotationMonths, int Quantity, int? ExpiresInDays)[] Materials =
    [
        ("WZ001", "救灾帐篷(12㎡单帐篷)", ResourceGaps.TentCategory, "顶", 4, null, 500, null),
        ("WZ002", "棉被", "生活类", "床", 1, null, 1000, null),
        ("WZ003", "褥子", "生活类", "床", 1, null, 600, null),
        ("WZ004", "折叠床", "生活类", "张", 1, null, 500, null),
        ("WZ005", "棉大衣", "生活类", "件", 1, null, 600, null),
        ("WZ006", "睡袋", "生活类", "个", 1, null, 200, null),
        ("WZ007", "发电机", "动力类", "台", null, null, 20, null),
        ("WZ008", "移动照明灯", "照明类", "台", null, null, 50, null),
        ("WZ009", "手电筒", "照明类", "个", null, 6, 300, 900),
        ("WZ010", "救生衣", "救生类", "件", null, null, 150, null),
        ("WZ011", "防汛编织袋", "防汛类", "条", null, null, 400, null),
        ("WZ012", "应急食品(压缩饼干)", "食品类", "箱", null, 3, 100, 60),
        ("WZ013", "瓶装饮用水", "食品类", "箱", null, 3, 120, -10),
        ("WZ014", "取暖炉", "生活类", "台", null, null, 80, null),
        ("WZ015", "水桶", "生活类", "个", null, null, 100, null),
        ("WZ016", "防寒手套", "生活类", "副", null, null, 77, null),
    ];

    public static async Task SeedAsync(TianshanDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.RescueTeams.IgnoreQueryFilters().AnyAsync(ct))
            return;
        var divisions = await db.Divisions.IgnoreQueryFilters().ToDictionaryAsync(d => d.Code, ct);
        var district = divisions.Values.Single(d => d.Level == DivisionLevel.District);
        var today = DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        var rng = new Random(650202);
        double Near(double centre, double spread) => centre + (rng.NextDouble() - 0.5) * spread;

        var teams = new List<RescueTeam>
        {
            Team("JY001", "独山子区消防救援大队", RescueTeamType.FireRescue, "综合性消防救援", 60, 60, 30, 30, 44.3262, 84.8838),
            Team("JY002", "独山子石化公司消防内保支队", RescueTeamType.Professional, "石化火灾、危化品泄漏", 180, 200, 60, 64, 44.3105, 84.8985),
        };
        for (var i = 0; i < GovernmentLed.Length; i++)
        {
            var g = GovernmentLed[i];
            teams.Add(Team($"JY{i + 3:000}", g.Name + Demo, RescueTeamType.GovernmentLed, g.Specialty, g.Members, g.Authorised, g.Held, g.Required,
                Near(44.328, 0.025), Near(84.882, 0.03)));
        }
        teams.Add(Team("JY027", "天山救援队", RescueTeamType.Civil, "山地、水域救援", 36, 40, 10, 12, 44.3318, 84.8802));
        teams[4].Readiness = Readiness.Deployed;
        db.RescueTeams.AddRange(teams);

        (string Name, string Field, string Org)[] experts =
        [
            ("马立新", "危险化学品", "区应急管理局专家库"), ("周文涛", "石油化工工艺", "独山子石化公司"), ("阿依古丽·买买提", "医疗救护", "区人民医院"),
            ("孙海军", "地震地质", "区地震局"), ("陈静", "水利防汛", "区水利局"), ("王鹏", "建筑结构", "区住建局"),
            ("李娜", "气象", "区气象局"), ("韩建平", "特种设备", "区市场监管局"),
        ];
        for (var i = 0; i < experts.Length; i++)
        {
            db.Experts.Add(new Expert
            {
                Code = $"ZJ{i + 1:000}", Name = experts[i].Name + Demo, Field = experts[i].Field, Organisation = experts[i].Org, Title = i % 2 == 0 ? "高级工程师" : "副主任",
                Phone = $"139-0000-{8100 + i}", Availability = i == 5 ? ExpertAvailability.Away : ExpertAvailability.Available, DivisionId = district.Id, IsDemo = true,
            });
        }

        var main = new Warehouse
        {
            Code = "CK001", Name = "独山子区救灾物资储备库", Address = "独山子区大庆东路(示意)", Latitude = 44.3352, Longitude = 84.8912, AreaM2 = 720,
            Manager = "赵国庆" + Demo, Phone = "0992-3600901", DivisionId = district.Id, IsDemo = true,
        };
        var west = new Warehouse
        {
            Code = "CK002", Name = "西宁路街道应急物资储备点" + Demo, Latitude = 44.3228, Longitude = 84.8712, AreaM2 = 120,
            Manager = "刘芳" + Demo, Phone = "0992-3600902", DivisionId = divisions["650202001"].Id, IsDemo = true,
        };
        var north = new Warehouse
        {
            Code = "CK003", Name = "新北区街道应急物资储备点" + Demo, Latitude = 44.3412, Longitude = 84.8801, AreaM2 = 100,
            Manager = "吐尔洪·艾力" + Demo, Phone = "0992-3600903", DivisionId = divisions["650202003"].Id, IsDemo = true,
        };
        db.Warehouses.AddRange(main, west, north);
        var materials = new Dictionary<string, ReliefMaterial>();
        foreach (var m in Materials)
        {
            var material = new ReliefMaterial
            {
                Code = m.Code, Name = m.Name, Category = m.Category, Unit = m.Unit, PeoplePerUnit = m.PeoplePerUnit, RotationMonths = m.RotationMonths,
                DivisionId = district.Id, IsDemo = true,
                Note = m.PeoplePerUnit is { } p ? $"每{m.Unit}可安置 {p:0} 人" + (m.Category == ResourceGaps.TentCategory ? "（500 顶约安置 2000 人，与规划所述一致）" : "") : null,
            };
            materials[m.Code] = material;
            db.ReliefMaterials.Add(material);
            var lot = new StockItem(main.Id, material.Id, m.ExpiresInDays is null ? null : $"{today.Year}-01", m.ExpiresInDays is { } d ? today.AddDays(d) : null) { IsDemo = true };
            db.StockItems.Add(lot);
            db.StockMovements.Add(lot.Move(StockMovementKind.In, m.Quantity, "期初库存（演示）", "system", now.AddDays(-90)));
        }
        foreach (var (warehouse, code, quantity) in new[] { (west, "WZ009", 80), (west, "WZ011", 300), (north, "WZ002", 60), (north, "WZ014", 20) })
        {
            var lot = new StockItem(warehouse.Id, materials[code].Id, null, null) { IsDemo = true };
            db.StockItems.Add(lot);
            db.StockMovements.Add(lot.Move(StockMovementKind.In, quantity, "期初库存（演示）", "system", now.AddDays(-60)));
        }

        // Nine shelters, mainly earthquake-proof school buildings (the plan); 独山子第三中学 is over-filled on purpose (1.2 m²/person).
        (string Name, ShelterType Type, string Community, int Capacity, decimal Area, bool Sewage)[] shelters =
        [
            ("独山子第一中学避难场所", ShelterType.FixedShortTerm, "650202001001", 1500, 3200, true),
            ("独山子第二中学避难场所", ShelterType.FixedShortTerm, "650202001003", 1200, 2400, true),
            ("独山子第三中学避难场所", ShelterType.FixedShortTerm, "650202002001", 1000, 1200, true),
            ("第一小学避难场所", ShelterType.FixedShortTerm, "650202002002", 800, 1500, true),
            ("第二小学避难场所", ShelterType.FixedShortTerm, "650202002004", 700, 1300, false),
            ("第三小学避难场所", ShelterType.FixedShortTerm, "650202003001", 600, 1100, true),
            ("新北区体育馆避难场所", ShelterType.FixedMidTerm, "650202003003", 2000, 4500, true),
            ("人民广场紧急避难场所", ShelterType.Emergency, "650202001005", 3000, 6000, false),
            ("泥火山公园紧急避难场所", ShelterType.Emergency, "650202002003", 2500, 5200, false),
        ];
        for (var i = 0; i < shelters.Length; i++)
        {
            var s = shelters[i];
            var community = divisions[s.Community];
            db.Shelters.Add(new Shelter
            {
                Code = $"BN{i + 1:000}", Name = s.Name + Demo, Type = s.Type, Capacity = s.Capacity, UsableAreaM2 = s.Area, Water = true, Power = true,
                FireFighting = true, Sewage = s.Sewage, Status = ShelterStatus.Closed, Manager = $"场所管理员{i + 1}" + Demo, Phone = $"0992-36009{10 + i}",
                Latitude = Near(community.Latitude ?? 44.327, 0.004), Longitude = Near(community.Longitude ?? 84.882, 0.004), DivisionId = community.Id, IsDemo = true,
            });
        }

        db.FireStations.AddRange(
            new FireStation
            {
                Code = "XF001", Name = "独山子区消防救援大队特勤站" + Demo, Grade = FireStationGrade.Special, VehicleCount = 8, Firefighters = 45,
                Vehicles = "城市主战车2、水罐车2、举高喷射消防车1、抢险救援车1、泡沫消防车1、指挥车1", Latitude = 44.3262, Longitude = 84.8838, DivisionId = district.Id, IsDemo = true,
            },
            new FireStation
            {
                Code = "XF002", Name = "石化公司消防内保支队一中队" + Demo, Grade = FireStationGrade.Enterprise, VehicleCount = 10, Firefighters = 70,
                Vehicles = "泡沫消防车4、干粉泡沫联用车2、举高喷射消防车2、抢险救援车2", Latitude = 44.3105, Longitude = 84.8985, DivisionId = district.Id, IsDemo = true,
            },
            new FireStation
            {
                Code = "XF003", Name = "石化公司消防内保支队二中队" + Demo, Grade = FireStationGrade.Enterprise, VehicleCount = 8, Firefighters = 55,
                Vehicles = "泡沫消防车3、水罐车2、举高喷射消防车1、抢险救援车1、气防车1", Latitude = 44.3040, Longitude = 84.9120, DivisionId = district.Id, IsDemo = true,
            },
            new FireStation
            {
                Code = "XF004", Name = "长岭路/喀什路一级消防站(规划)", Grade = FireStationGrade.Level1, Status = FacilityStatus.Planned, VehicleCount = 4, Firefighters = 0,
                Vehicles = "抢险救援车1、举高喷射消防车1、城市主战车1、泡沫消防车1", Address = "长岭路与喀什路交叉口(位置示意)", Latitude = 44.3425, Longitude = 84.8990,
                Note = "规划新建一级普通消防站：现有站点不能满足接警后5分钟到达辖区边缘的要求", DivisionId = district.Id, IsDemo = true,
            });

        db.Hospitals.AddRange(
            new Hospital { Code = "YY001", Name = "独山子区人民医院" + Demo, Level = "三级", Beds = 600, Phone = "0992-3600120", Latitude = 44.3298, Longitude = 84.8795, DivisionId = district.Id, IsDemo = true },
            new Hospital { Code = "YY002", Name = "区中医医院" + Demo, Level = "二级", Beds = 200, Phone = "0992-3600121", Latitude = 44.3236, Longitude = 84.8902, DivisionId = district.Id, IsDemo = true },
            new Hospital { Code = "YY003", Name = "新北区社区卫生服务中心" + Demo, Level = "一级", Beds = 40, Phone = "0992-3600122", Latitude = 44.3420, Longitude = 84.8830, DivisionId = district.Id, IsDemo = true });

        db.EquipmentItems.AddRange(
            new EquipmentItem { Code = "ZB001", Name = "应急指挥车", Kind = EquipmentKind.Vehicle, Model = "依维柯(示意)", Plate = "新J·A0119", RescueTeamId = teams[0].Id, DivisionId = district.Id, IsDemo = true, Latitude = 44.3262, Longitude = 84.8838 },
            new EquipmentItem { Code = "ZB002", Name = "大功率排水抢险车", Kind = EquipmentKind.Vehicle, Model = "3000 m³/h", Plate = "新J·A2301", RescueTeamId = teams[3].Id, DivisionId = district.Id, IsDemo = true },
            new EquipmentItem { Code = "ZB003", Name = "生命探测仪", Kind = EquipmentKind.Equipment, Model = "雷达式", Quantity = 4, RescueTeamId = teams[4].Id, DivisionId = district.Id, IsDemo = true },
            new EquipmentItem { Code = "ZB004", Name = "便携式气体检测仪", Kind = EquipmentKind.Equipment, Model = "四合一", Quantity = 20, RescueTeamId = teams[2].Id, DivisionId = district.Id, IsDemo = true },
            new EquipmentItem { Code = "ZB005", Name = "卫星通信便携站", Kind = EquipmentKind.Equipment, Quantity = 2, RescueTeamId = teams[9].Id, DivisionId = district.Id, IsDemo = true, Readiness = Readiness.Unavailable });

        // Informants: 2 in some communities, 1 in others, none in 北湖社区 — the plan's “1–2 per community, 2 required”.
        var informantCounts = new Dictionary<string, int>
        {
            ["650202001001"] = 2, ["650202001002"] = 1, ["650202001003"] = 2, ["650202001004"] = 1, ["650202001005"] = 2,
            ["650202002001"] = 2, ["650202002002"] = 1, ["650202002003"] = 2, ["650202002004"] = 1, ["650202002005"] = 1,
            ["650202003001"] = 2, ["650202003002"] = 1, ["650202003003"] = 1, ["650202003004"] = 0,
        };
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        var n = 0;
        foreach (var (code, count) in informantCounts)
        {
            for (var k = 0; k < count; k++, n++)
            {
                db.DisasterInformants.Add(new DisasterInformant
                {
                    Code = $"XXY{n + 1:000}", Name = $"{surnames[n % surnames.Length]}信息员{n + 1}" + Demo, Phone = $"139-0000-{8200 + n}",
                    UserName = code == "650202001001" && k == 0 ? "community" : null, DivisionId = divisions[code].Id, IsDemo = true,
                });
            }
        }
        await db.SaveChangesAsync(ct);

        RescueTeam Team(string code, string name, RescueTeamType type, string specialty, int members, int authorised, int held, int required, double lat, double lon) => new()
        {
            Code = code, Name = name, Type = type, Specialty = specialty, Members = members, AuthorisedMembers = authorised, EquipmentHeld = held,
            EquipmentRequired = required, Leader = $"队长{code[2..]}" + Demo, LeaderPhone = $"139-0000-{8000 + int.Parse(code[2..], System.Globalization.CultureInfo.InvariantCulture)}",
            Latitude = Math.Round(lat, 5), Longitude = Math.Round(lon, 5), DivisionId = district.Id, IsDemo = true, Readiness = Readiness.Ready,
        };
    }
}
