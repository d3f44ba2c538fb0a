using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using MudBlazor.Services;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring.Storage;
using Tianshan.Core.Platform;
using Tianshan.Core.Prevention;
using Tianshan.Core.Registry;
using Tianshan.Web.Components;
using Tianshan.Web.Features.Indicators;
using Tianshan.Web.Features.Incidents;
using Tianshan.Web.Features.Dispatch;
using Tianshan.Web.Features.DisasterRisk;
using Tianshan.Web.Features.Monitoring;
using Tianshan.Web.Features.Plans;
using Tianshan.Web.Features.People;
using Tianshan.Web.Features.Platform;
using Tianshan.Web.Features.Prevention;
using Tianshan.Web.Features.Registry;
using Tianshan.Web.Features.Reports;
using Tianshan.Web.Features.Resources;
using Tianshan.Web.Features.Warnings;
using Tianshan.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
if (builder.Configuration["Logging:Format"] == "json")
    builder.Logging.ClearProviders().AddJsonConsole();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(ChemicalCatalogue.Default);
builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddTianshanDb(builder.Configuration);
builder.Services.AddReadingStore(builder.Configuration);
builder.Services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section);
builder.Services.AddSingleton<SensorDirectory>();
builder.Services.AddSingleton<AlarmEngine>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AlarmEngine>());
builder.Services.AddSingleton<ReadingIngest>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ReadingIngest>());
builder.Services.AddHostedService<MqttIngest>();
builder.Services.AddHostedService<ReadingMaintenance>();
builder.Services.AddHostedService<DemoFeed>();
builder.Services.AddOptions<HiddenHazardDeadlineOptions>().BindConfiguration("Prevention:Deadlines");
builder.Services.AddSingleton<HiddenHazardDeadlineService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<HiddenHazardDeadlineService>());
builder.Services.AddOptions<PublicReportLimitOptions>().BindConfiguration(PublicReportLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<PublicReportLimiter>();
builder.Services.AddOptions<SupervisionFrequencyOptions>().BindConfiguration(SupervisionFrequencyOptions.Section);
builder.Services.AddSignalR();
builder.Services.AddPrevention();
builder.Services.AddIncidents();
builder.Services.AddOptions<Tianshan.Core.Resources.ResourceNorms>().BindConfiguration(Tianshan.Core.Resources.ResourceNorms.Section);
builder.Services.AddDispatch();
builder.Services.AddWarnings();
builder.Services.AddReports();
builder.Services.AddPlans();
builder.Services.AddPeople();

builder.Services.AddIdentityCore<TianshanUser>(o =>
    {
        o.Password.RequiredLength = 8;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        o.User.RequireUniqueEmail = false;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<TianshanDb>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<ScopeClaimsFactory>()
    .AddDefaultTokenProviders();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "tianshan";
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.LoginPath = "/login";
    o.AccessDeniedPath = "/access-denied";
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(12);
    // The API answers 401/403 as ProblemDetails instead of redirecting to the login page.
    o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
});
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<CircuitHandler, ScopeCircuitHandler>();

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
    if (ctx.ProblemDetails.Status is { } status && ctx.Exception is null && ctx.ProblemDetails.Title is null or "Unauthorized" or "Forbidden" or "Not Found" or "Bad Request")
        ctx.ProblemDetails.Title = StatusTitles.Of(status);
});
builder.Services.AddExceptionHandler<ProblemDetailsHandler>();
// A query or route value that does not convert throws in every environment (by default only in Development), so it
// reaches ProblemDetailsHandler and the user reads which field is wrong in Chinese instead of a bare 400.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddValidation();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<TianshanDb>("database");
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    string[] cultures = ["zh-CN", "en-US"];
    o.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    o.ApplyCurrentCultureToResponseHeaders = true;
});
// Server-rendered HTML keeps Chinese as characters, not &#x..; entities.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddHttpContextAccessor();

var app = builder.Build();

await StartupTasks.RunAsync(app);

// Localization first, so error responses are written in the request's language.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseMiddleware<ScopeMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAuth();
app.MapEnterprises();
app.MapMajorHazards();
app.MapSpecialEquipment();
app.MapAudit();
app.MapAlarms();
app.MapSensors();
app.MapKpis();
app.MapSensorWorkbook();
app.MapRiskIndex();
app.MapHiddenHazards();
app.MapPublicReports();
app.MapRandomDraws();
app.MapInspections();
app.MapCredit();
app.MapEnforcementCases();
app.MapPrevention();
app.MapIndicators();
app.MapIncidents();
app.MapResources();
app.MapDisasterReports();
app.MapDispatch();
app.MapWarnings();
app.MapDisasterRisk();
app.MapReports();
app.MapPlans();
app.MapPeople();
app.MapHub<MonitoringHub>(MonitoringHub.Path);
app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
{
    culture = culture == "en-US" ? "en-US" : "zh-CN";
    http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax });
    return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
}).ExcludeFromDescription();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
    Log.Listening(app.Logger, string.Join(", ", app.Urls)));

await app.RunAsync();

static Task ApiAwareRedirect(HttpContext http, string redirectUri, int status)
{
    if (http.Request.Path.StartsWithSegments("/api"))
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = StatusTitles.Of(status) },
        }).AsTask();
    }
    http.Response.Redirect(redirectUri);
    return Task.CompletedTask;
}
