using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MQTTnet;
using Tianshan.Core.Data;
using Tianshan.Core.Demo;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>
/// The demo's live sensors: plays every seeded sensor (<see cref="SensorSimulation"/>) and publishes gateway batches to
/// the embedded broker over real MQTT every few seconds, so the dashboard is alive on first start. It logs in with a
/// per-process token that exists only in memory. Off unless Monitoring:DemoFeed is true.
/// </summary>
public sealed class DemoFeed(IServiceScopeFactory scopes, SensorDirectory directory, AlarmEngine engine, IOptions<MqttOptions> mqtt,
    IOptions<MonitoringOptions> options, TimeProvider time, ILogger<DemoFeed> logger) : BackgroundService
{
    private sealed record Played(string EnterpriseCode, string SensorCode, SensorSimulation Simulation);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DemoFeed || !mqtt.Value.Enabled || !string.IsNullOrEmpty(mqtt.Value.Broker))
            return;
        await engine.Ready.WaitAsync(stoppingToken);
        List<Played> played;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
            var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
            var sensors = await db.Sensors.AsNoTracking().Include(s => s.Enterprise).OrderBy(s => s.StoreId).ToListAsync(stoppingToken);
            played = sensors.Select(s =>
            {
                var (nominal, noise) = DemoSensors.Idle(s);
                // About one excursion a minute across the demo's sensors, so the alarm console is never quiet for long.
                return new Played(s.Enterprise!.CreditCode, s.Code, new SensorSimulation(nominal, noise, s.Rules.HighHigh ?? s.Rules.High, s.StoreId)
                {
                    ExcursionChance = 0.002,
                });
            }).ToList();
        }
        if (played.Count == 0)
            return;

        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", mqtt.Value.Port)
            .WithClientId("tianshan-demo-feed").WithCredentials(SensorDirectory.DemoFeedUser, directory.DemoFeedToken).Build(), stoppingToken);
        Log.DemoFeedStarted(logger, played.Count);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DemoFeedSeconds), time);
        var byEnterprise = played.GroupBy(p => p.EnterpriseCode).ToList();
        try
        {
            do
            {
                var now = time.GetUtcNow();
                foreach (var enterprise in byEnterprise)
                {
                    var readings = enterprise
                        .Select(p => (p.SensorCode, Value: p.Simulation.Next(now)))
                        .Where(r => r.Value is not null)
                        .Select(r => new { s = r.SensorCode, t = now.ToString("O"), v = r.Value })
                        .ToList();
                    if (readings.Count == 0)
                        continue;
                    var payload = JsonSerializer.SerializeToUtf8Bytes(new { readings });
                    await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"{MqttIngest.TopicPrefix}{enterprise.Key}/batch")
                        .WithPayload(payload).WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
