using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Registry;

namespace Tianshan.Core.Demo;

/// <summary>Demo monitoring points for the seeded major hazard sources (40号令 第十三条: level, temperature, pressure for
/// storage; flow and pressure for production; combustible or toxic gas detectors by the chemicals held), and one gateway
/// per enterprise that has them. Set points are illustrative except the GB/T 50493 gas-detector defaults.</summary>
public static class DemoSensors
{
    /// <summary>Occupational exposure limits used as the toxic-gas H set point (GBZ 2.1 MAC/PC-STEL, converted to ppm, rounded).</summary>
    private static readonly Dictionary<string, double> ToxicLimitsPpm = new(StringComparer.Ordinal)
    {
        ["氨"] = 40, ["硫化氢"] = 7, ["氯"] = 0.3, ["一氧化碳"] = 25, ["环氧乙烷"] = 1, ["二氧化硫"] = 4,
    };


    public static async Task<int> SeedAsync(TianshanDb db, Func<string, string> hashPassword, string gatewayPassword, CancellationToken ct = default)
    {
        if (await db.Sensors.AnyAsync(ct))
            return 0;
        var sources = await db.MajorHazardSources.Include(m => m.Enterprise).OrderBy(m => m.Code).ToListAsync(ct);
        var storeId = 0;
        var enterprises = new HashSet<Guid>();
        foreach (var m in sources)
        {
            var n = 0;
            void Add(SensorKind kind, string name, AlarmRules? rules, double? min, double? max)
            {
                n++;
                db.Sensors.Add(Sensor.Create(m.EnterpriseId, ++storeId, new SensorDetails
                {
                    Code = $"{m.Code[^3..]}-{Prefix(kind)}{n:00}",
                    Name = $"{m.Name}{name}",
                    Kind = kind,
                    RangeMin = min,
                    RangeMax = max,
                    MajorHazardSourceId = m.Id,
                    Rules = rules,
                }));
            }
            if (m.Kind == HazardUnitKind.Storage)
            {
                Add(SensorKind.Level, "液位", new AlarmRules { HighHigh = 18, High = 16, Low = 2, LowLow = 1, Deadband = 0.2 }, 0, 20);
                Add(SensorKind.Temperature, "温度", new AlarmRules { HighHigh = 55, High = 45, Deadband = 1 }, -30, 80);
                Add(SensorKind.Pressure, "压力", new AlarmRules { HighHigh = 1.8, High = 1.6, Deadband = 0.02, RateOfChangePerMinute = 0.3 }, 0, 2.5);
            }
            else
            {
                Add(SensorKind.Pressure, "反应压力", new AlarmRules { HighHigh = 2.2, High = 2.0, Low = 0.5, Deadband = 0.02 }, 0, 3);
                Add(SensorKind.Temperature, "反应温度", new AlarmRules { HighHigh = 420, High = 400, Deadband = 2 }, 0, 500);
                Add(SensorKind.Flow, "进料流量", new AlarmRules { High = 180, Low = 40, Deadband = 2 }, 0, 200);
            }
            Add(SensorKind.CombustibleGas, "可燃气体检测器", null, 0, 100);
            foreach (var line in m.Lines)
            {
                if (ToxicLimitsPpm.TryGetValue(line.ChemicalName, out var limit))
                    Add(SensorKind.ToxicGas, $"{line.ChemicalName}有毒气体检测器", AlarmRules.GasDetectorDefaults(SensorKind.ToxicGas, limit), 0, limit * 10);
            }
            enterprises.Add(m.EnterpriseId);
        }
        foreach (var id in enterprises)
            db.Gateways.Add(new Gateway(id, hashPassword(gatewayPassword)));
        await db.SaveChangesAsync(ct);
        return storeId;
    }

    /// <summary>Where a simulated sensor idles: mid-range, well inside its alarm limits.</summary>
    public static (double Nominal, double Noise) Idle(Sensor sensor) => sensor.Kind switch
    {
        SensorKind.Level => (9, 0.05),
        SensorKind.Temperature => sensor.Rules.High is > 100 ? (360, 1) : (22, 0.2),
        SensorKind.Pressure => sensor.Rules.Low is not null ? (1.2, 0.01) : (0.8, 0.005),
        SensorKind.Flow => (110, 1),
        SensorKind.CombustibleGas => (1, 0.3),
        SensorKind.ToxicGas => (0.05 * (sensor.Rules.High ?? 1), 0.02 * (sensor.Rules.High ?? 1)),
        SensorKind.Oxygen => (20.9, 0.05),
        _ => (50, 0.5),
    };

    private static string Prefix(SensorKind kind) => kind switch
    {
        SensorKind.Level => "LT",
        SensorKind.Temperature => "TT",
        SensorKind.Pressure => "PT",
        SensorKind.Flow => "FT",
        SensorKind.CombustibleGas => "GT",
        SensorKind.ToxicGas => "AT",
        SensorKind.Oxygen => "OT",
        _ => "XT",
    };
}
