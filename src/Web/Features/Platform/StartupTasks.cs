using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Demo;
using Tianshan.Core.Platform;
using Tianshan.Core.Registry;
using Tianshan.Web.Features.Monitoring;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Platform;

/// <summary>First start: migrate, seed the Dushanzi demo, create the administrator and one demo user per role, and
/// print the logins. Passwords are generated (never in the repo) unless TIANSHAN_DEMO_PASSWORD is set.</summary>
internal static class StartupTasks
{
    public const string DemoPasswordVariable = "TIANSHAN_DEMO_PASSWORD";

    private sealed record DemoUser(string UserName, string DisplayName, string Role, Func<DemoData, string?> DivisionCode, Func<DemoData, int?> EnterpriseIndex, Sector Sectors = SectorSet.All);

    private static readonly DemoUser[] DemoUsers =
    [
        new("bureau", "区应急管理局值班员(演示)", Roles.Bureau, d => d.District.Code, _ => null),
        new("department", "区住建局安全科(演示)", Roles.Department, d => d.District.Code, _ => null, Sector.Construction | Sector.SpecialEquipment | Sector.CrowdedPlaces),
        new("street", "街道网格员(演示)", Roles.Street, d => d.Streets[0].Code, _ => null),
        new("community", "社区灾害信息员(演示)", Roles.Community, d => d.Streets[0].Communities[0].Code, _ => null),
        new("inspector", "执法人员(演示)", Roles.Inspector, d => d.District.Code, _ => null),
        new("publisher", "区应急管理局信息审核发布员(演示)", Roles.WarningPublisher, d => d.District.Code, _ => null),
        new("enterprise", "企业安全管理员(演示)", Roles.Enterprise, _ => null, _ => 0),
        new("enterprise2", "企业安全管理员二(演示)", Roles.Enterprise, _ => null, _ => 1),
    ];

    public static async Task RunAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Tianshan.Startup");
        if (options.MigrateOnStart)
            await db.MigrateAsync();
        if (db.Database.IsSqlite())
            Console.WriteLine($"数据库 / database: SQLite {Path.GetFullPath(db.Database.GetDbConnection().DataSource)}");
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TianshanUser>>();
        if (await users.Users.AnyAsync())
            return;

        var fixedPassword = app.Configuration[DemoPasswordVariable] is { Length: > 0 } configured ? configured : null;
        var seeded = options.SeedDemo && await DemoSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<ChemicalCatalogue>());
        var district = await db.Divisions.OrderBy(d => d.Level).FirstOrDefaultAsync();
        var logins = new List<(string User, string Role, string Password)>();
        var adminPassword = fixedPassword ?? GeneratePassword();
        var admin = new TianshanUser { UserName = "admin", DisplayName = "系统管理员", DivisionId = district?.Id };
        await CreateAsync(users, admin, Roles.Bureau, adminPassword);
        await users.AddToRoleAsync(admin, Roles.WarningPublisher);
        logins.Add(("admin", Roles.Label(Roles.Bureau) + "(管理员)", adminPassword));

        if (seeded)
        {
            var data = DemoSeeder.Load();
            var demoPassword = fixedPassword ?? GeneratePassword();
            // Each demo enterprise's data gateway logs in to MQTT with its credit code and the demo password.
            var directory = scope.ServiceProvider.GetRequiredService<SensorDirectory>();
            await DemoSensors.SeedAsync(db, directory.HashPassword, demoPassword);
            await DemoSupervision.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await DemoIncidents.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await DemoResources.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await DemoPeople.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await DemoWarnings.SeedAsync(db, data, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await DemoPlans.SeedAsync(db, data, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            foreach (var demo in DemoUsers)
            {
                var divisionCode = demo.DivisionCode(data);
                var division = divisionCode is null ? null : await db.Divisions.FirstAsync(d => d.Code == divisionCode);
                Guid? enterpriseId = null;
                if (demo.EnterpriseIndex(data) is { } index)
                {
                    var code = data.Enterprises[index].CreditCode;
                    var enterprise = await db.Enterprises.Include(e => e.Division).FirstAsync(e => e.CreditCode == code);
                    enterpriseId = enterprise.Id;
                    division = enterprise.Division;
                }
                await CreateAsync(users, new TianshanUser
                {
                    UserName = demo.UserName,
                    DisplayName = demo.DisplayName,
                    DivisionId = division?.Id,
                    EnterpriseId = enterpriseId,
                    SupervisedSectors = demo.Sectors,
                }, demo.Role, demoPassword);
                logins.Add((demo.UserName, Roles.Label(demo.Role), demoPassword));
            }
        }

        // Printed once, on first start: the only place a generated password appears.
        Console.WriteLine();
        Console.WriteLine("天山 Tianshan — 首次启动，已创建登录账号 / first start, logins created:");
        foreach (var (user, role, password) in logins)
            Console.WriteLine($"  {user,-12} {password,-20} {role}");
        if (seeded)
            Console.WriteLine("  MQTT 网关 / gateways: 用户名为企业统一社会信用代码，密码同演示账号 (user = enterprise credit code, password = the demo password)");
        Console.WriteLine("请妥善保存以上密码，之后不会再次显示。 Keep these passwords: they are not shown again.");
        Console.WriteLine();
        Log.FirstStart(logger, logins.Count, seeded);
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static async Task CreateAsync(UserManager<TianshanUser> users, TianshanUser user, string role, string password)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Cannot create user {user.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>16 characters from an unambiguous alphabet, with at least one of each class Identity requires.</summary>
    private static string GeneratePassword()
    {
        const string lower = "abcdefghjkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!@#$%*-+";
        var all = lower + upper + digits + symbols;
        var chars = new char[16];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
