using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Tianshan.Web.Tests.Warnings;

/// <summary>A host whose channels point at the local test gateways, on a database the test owns (kept across a restart).</summary>
public sealed class DeliveryHost(string provider, string connectionString, string gatewayUrl, int smtpPort) : TianshanApp
{
    protected override string Provider => provider;

    protected override string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Warnings:Channels:Simulate", "false");
        builder.UseSetting("Warnings:Channels:SmsUrl", gatewayUrl + "/sms");
        builder.UseSetting("Warnings:Channels:WeComUrl", gatewayUrl + "/wecom");
        builder.UseSetting("Warnings:Channels:BroadcastUrl", gatewayUrl + "/broadcast");
        builder.UseSetting("Warnings:Channels:DisplayScreenUrl", gatewayUrl + "/screen");
        builder.UseSetting("Warnings:Channels:LoudspeakerUrl", gatewayUrl + "/loudspeaker");
        builder.UseSetting("Warnings:Channels:SmtpHost", "127.0.0.1");
        builder.UseSetting("Warnings:Channels:SmtpPort", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Warnings:Delivery:MaxAttempts", "50");
        builder.UseSetting("Warnings:Delivery:FirstRetryDelay", "00:00:00.100");
        builder.UseSetting("Warnings:Delivery:MaxRetryDelay", "00:00:00.400");
        builder.UseSetting("Warnings:Delivery:PollInterval", "00:00:00.200");
        builder.UseSetting("Warnings:Delivery:ParallelPerChannel", WarningDeliveryTests.ParallelPerChannel.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Warnings:Delivery:ReceiptToken", "receipt-secret");
    }
}

/// <summary>
/// Delivery over real HTTP and SMTP to local gateways: the demo's yellow rainstorm warning for two communities goes out
/// over every channel, a failing gateway is retried with back-off, receipts move SMS deliveries on, and after a restart
/// (the host disposed, a new one on the same database) nothing is sent twice — rows left in flight are re-sent with the
/// same key only where the gateway de-duplicates, and rows still waiting are sent once.
/// </summary>
public abstract class WarningDeliveryTests : IAsyncLifetime
{
    /// <summary>Gateway calls in flight at once on one channel in these hosts (the default is 4).</summary>
    public const int ParallelPerChannel = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestGateways _gateways = null!;
    private netDumbster.smtp.SimpleSmtpServer _smtp = null!;

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public async ValueTask InitializeAsync()
    {
        _gateways = await TestGateways.StartAsync();
        _smtp = netDumbster.smtp.SimpleSmtpServer.Start(TianshanApp.FreePort());
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _gateways.DisposeAsync();
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }

    private DeliveryHost NewHost() => new(Provider, ConnectionString, _gateways.BaseUrl, _smtp.Configuration.Port);

    private static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/warnings/{id}", Ct)).GetProperty("deliveries").EnumerateArray().ToList();

    private static async Task<List<JsonElement>> WaitAsync(HttpClient client, Guid id, Func<List<JsonElement>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var deliveries = await DeliveriesAsync(client, id);
            if (done(deliveries))
                return deliveries;
            Assert.True(DateTime.UtcNow < until, "deliveries did not settle: " + string.Join("\n", deliveries.Select(d => d.GetRawText())));
            await Task.Delay(200, Ct);
        }
    }

    private static string Status(JsonElement d) => d.GetProperty("status").GetString()!;

    private static string Channel(JsonElement d) => d.GetProperty("channel").GetString()!;

    [Fact]
    public async Task The_demo_warning_goes_out_over_every_channel_with_retries_and_receipts_and_nothing_twice_after_a_restart()
    {
        Guid id;
        List<JsonElement> settled;
        _gateways.FailFirst(3);
        _gateways.FailPath = "/loudspeaker";
        await using (var host = NewHost())
        {
            await host.InitializeAsync();
            using var publisher = await host.LoginAsync("publisher");
            var demo = (await publisher.GetFromJsonAsync<JsonElement>("/api/warnings?status=Submitted", Ct)).EnumerateArray()
                .Single(w => w.GetProperty("isDemo").GetBoolean());
            id = demo.GetProperty("id").GetGuid();
            Assert.Equal("bureau", demo.GetProperty("draftedBy").GetString());
            await WarningApiTests.NoContentAsync(await publisher.PostAsync($"/api/warnings/{id}/approve", null, Ct));
            Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsync($"/api/warnings/{id}/publish", null, Ct)).StatusCode);

            // Everything but the loudspeakers settles; the loudspeaker platform keeps failing and its rows wait for a retry.
            settled = await WaitAsync(publisher, id, ds => ds.All(d => Channel(d) == "Loudspeaker"
                ? Status(d) == "Retrying" && d.GetProperty("attempts").GetInt32() >= 2
                : Status(d) is "Sent" or "Delivered"));
            Assert.Equal(["Sms", "WeCom", "Email", "Broadcast", "DisplayScreen", "Loudspeaker", "WebPage"], settled.Select(Channel).Distinct());
            Assert.Equal(2, settled.Count(d => Channel(d) == "Loudspeaker"));
            Assert.Contains(settled, d => Channel(d) != "Loudspeaker" && d.GetProperty("attempts").GetInt32() > 1);   // the first 3 requests failed
            Assert.Contains(_gateways.Requests, r => r.Failed && r.Path != "/loudspeaker");

            // SMS: accepted by the gateway, then receipts (回执) — delivered, then read; a bad token is refused.
            var sms = settled.Where(d => Channel(d) == "Sms").ToList();
            Assert.All(sms, d => Assert.Equal("Sent", Status(d)));
            var key = sms[0].GetProperty("deliveryKey").GetString()!;
            using var gateway = host.CreateClient();
            gateway.DefaultRequestHeaders.Add("X-Receipt-Token", "receipt-secret");
            Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync("/api/warnings/receipts", new { deliveryKey = key, status = "delivered" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync("/api/warnings/receipts", new { deliveryKey = key, status = "read" }, Ct)).StatusCode);
            var failedKey = sms[1].GetProperty("deliveryKey").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync("/api/warnings/receipts", new { deliveryKey = failedKey, status = "failed", error = "空号" }, Ct)).StatusCode);
            using var stranger = host.CreateClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync("/api/warnings/receipts", new { deliveryKey = key, status = "failed" }, Ct)).StatusCode);
            var now = await DeliveriesAsync(publisher, id);
            Assert.Equal("Read", Status(now.Single(d => d.GetProperty("deliveryKey").GetString() == key)));
            Assert.Equal("Failed", Status(now.Single(d => d.GetProperty("deliveryKey").GetString() == failedKey)));

            // E-mail went through SMTP with the CAP attached and the delivery key as Message-Id.
            var mails = settled.Where(d => Channel(d) == "Email").ToList();
            Assert.Equal(mails.Count, _smtp.ReceivedEmailCount);
            Assert.All(_smtp.ReceivedEmail, m => Assert.Contains("@tianshan", m.Headers["Message-ID"] ?? m.Headers["Message-Id"], StringComparison.Ordinal));

            // The request each gateway got: the SMS carries the signature and the key; the robot gets markdown.
            var smsRequest = _gateways.Requests.First(r => r.Path == "/sms" && !r.Failed);
            Assert.StartsWith("【独山子区应急管理局】", TestGateways.BodyOf(smsRequest).GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal(smsRequest.Key, TestGateways.BodyOf(smsRequest).GetProperty("deliveryKey").GetString());
            Assert.Equal("markdown", TestGateways.BodyOf(_gateways.Requests.First(r => r.Path == "/wecom" && !r.Failed)).GetProperty("msgtype").GetString());
        }

        // Crash simulation: one SMS and one robot message were in flight (stored as Sending) when the host stopped.
        var smsInFlight = settled.Where(d => Channel(d) == "Sms").Skip(2).First().GetProperty("id").GetGuid();   // not one that got a receipt
        var robotInFlight = settled.First(d => Channel(d) == "WeCom").GetProperty("id").GetGuid();
        await MarkInFlightAsync(smsInFlight, robotInFlight);
        var requestsBefore = _gateways.Requests.Count(r => !r.Failed);
        var mailsBefore = _smtp.ReceivedEmailCount;
        _gateways.FailPath = null;

        await using (var host = NewHost())
        {
            await host.InitializeAsync();
            using var bureau = await host.LoginAsync("bureau");
            var after = await WaitAsync(bureau, id, ds => ds.All(d => Status(d) is not ("Pending" or "Retrying" or "Sending")));
            // The loudspeakers were sent once each, now that their platform answers.
            Assert.All(after.Where(d => Channel(d) == "Loudspeaker"), d =>
            {
                Assert.Equal("Delivered", Status(d));
                Assert.Equal(1, _gateways.Succeeded("/loudspeaker", d.GetProperty("deliveryKey").GetString()!));
            });
            // The SMS in flight was asked again with the same key, and the gateway did not send it twice.
            var sms = after.Single(d => d.GetProperty("id").GetGuid() == smsInFlight);
            Assert.Equal("Sent", Status(sms));
            Assert.Equal(2, _gateways.Succeeded("/sms", sms.GetProperty("deliveryKey").GetString()!));
            Assert.Equal(1, _gateways.Sent[sms.GetProperty("deliveryKey").GetString()!]);
            // The robot cannot de-duplicate: not re-sent, left for a person to check.
            Assert.Equal("Unknown", Status(after.Single(d => d.GetProperty("id").GetGuid() == robotInFlight)));
            await Task.Delay(1000, Ct);   // several polls of the new dispatcher
            Assert.Equal(requestsBefore + 2 + 1, _gateways.Requests.Count(r => !r.Failed));   // 2 loudspeakers + the SMS asked again
            Assert.Equal(mailsBefore, _smtp.ReceivedEmailCount);
            Assert.All(_gateways.Sent, s => Assert.Equal(1, s.Value));

            // Coverage counts what was reached; the statistics show it per warning, per channel and per year.
            var detail = await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{id}", Ct);
            var coverage = detail.GetProperty("coverage");
            Assert.Equal(5900 + 5100, coverage.GetProperty("peopleInArea").GetInt64());
            Assert.InRange(coverage.GetProperty("ratio").GetDouble(), 0.5, 1.0);
            var stats = await bureau.GetFromJsonAsync<JsonElement>("/api/warnings/statistics", Ct);
            Assert.Contains(stats.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("id").GetGuid() == id);
            Assert.Contains(stats.GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel").GetString() == "Loudspeaker");
            Assert.NotEmpty(stats.GetProperty("years").EnumerateArray());

            // 重新发送 (bureau / 信息审核发布 only): the failed SMS (空号 receipt) goes back with its own key — the gateway answers
            // and does not send it twice; a delivered row cannot be re-sent; the Unknown robot message only once a person
            // confirms the recipient did not get it; two presses at once send it once; each resend is on the timeline.
            using var street = await host.LoginAsync("street");
            var failedSms = after.Single(d => Status(d) == "Failed" && Channel(d) == "Sms");
            var failedSmsKey = failedSms.GetProperty("deliveryKey").GetString()!;
            Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync(Resend(id, failedSms), new { }, Ct)).StatusCode);
            var delivered = after.First(d => Status(d) == "Delivered");
            var refused = await bureau.PostAsJsonAsync(Resend(id, delivered), new { }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("只有“失败”或“状态未知”的投递可以重新发送", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            var smsRequests = _gateways.Succeeded("/sms", failedSmsKey);
            Assert.Equal(HttpStatusCode.OK, (await bureau.PostAsJsonAsync(Resend(id, failedSms), new { }, Ct)).StatusCode);
            var resent = await WaitAsync(bureau, id, ds => Status(ds.Single(d => d.GetProperty("id").GetGuid() == Id(failedSms))) == "Sent");
            Assert.Equal(smsRequests + 1, _gateways.Succeeded("/sms", failedSmsKey));   // asked again, with the same key…
            Assert.Equal(1, _gateways.Sent[failedSmsKey]);                              // …and the gateway did not send it twice

            var robot = resent.Single(d => d.GetProperty("id").GetGuid() == robotInFlight);
            var unconfirmed = await bureau.PostAsJsonAsync(Resend(id, robot), new { confirmedNotReceived = false }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
            Assert.Contains("请先向接收人核实未收到", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            var robotRequests = _gateways.Requests.Count(r => r.Path == "/wecom" && !r.Failed);
            using var publisher = await host.LoginAsync("publisher");
            using var colleague = await host.LoginAsync("publisher");
            var presses = await Task.WhenAll(
                publisher.PostAsJsonAsync(Resend(id, robot), new { confirmedNotReceived = true }, Ct),
                colleague.PostAsJsonAsync(Resend(id, robot), new { confirmedNotReceived = true }, Ct));
            Assert.Single(presses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(presses, r => r.StatusCode == HttpStatusCode.Conflict);
            await WaitAsync(bureau, id, ds => Status(ds.Single(d => d.GetProperty("id").GetGuid() == robotInFlight)) == "Delivered");
            await Task.Delay(1000, Ct);
            Assert.Equal(robotRequests + 1, _gateways.Requests.Count(r => r.Path == "/wecom" && !r.Failed));
            var timeline = (await bureau.GetFromJsonAsync<JsonElement>($"/api/warnings/{id}", Ct)).GetProperty("timeline").EnumerateArray()
                .Where(e => e.GetProperty("action").GetString() == "重新发送").ToList();
            Assert.Equal(2, timeline.Count);
            Assert.Contains(timeline, e => e.GetProperty("by").GetString() == "bureau" && e.GetProperty("note").GetString()!.Contains(failedSmsKey, StringComparison.Ordinal));
            Assert.Contains(timeline, e => e.GetProperty("by").GetString() == "publisher" && e.GetProperty("note").GetString()!.StartsWith("企业微信群", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_slow_gateway_holds_up_no_other_channel_and_its_own_rows_go_out_side_by_side()
    {
        _gateways.HoldPath = "/sms";   // the SMS gateway takes every request and answers none until released
        await using var host = NewHost();
        await host.InitializeAsync();
        using var publisher = await host.LoginAsync("publisher");
        var id = (await publisher.GetFromJsonAsync<JsonElement>("/api/warnings?status=Submitted", Ct)).EnumerateArray()
            .Single(w => w.GetProperty("isDemo").GetBoolean()).GetProperty("id").GetGuid();
        await WarningApiTests.NoContentAsync(await publisher.PostAsync($"/api/warnings/{id}/approve", null, Ct));
        Assert.Equal(HttpStatusCode.OK, (await publisher.PostAsync($"/api/warnings/{id}/publish", null, Ct)).StatusCode);

        // Every other channel settles while the SMS gateway still holds its requests.
        var others = await WaitAsync(publisher, id, ds => ds.Where(d => Channel(d) != "Sms").All(d => Status(d) is "Sent" or "Delivered"));
        var sms = others.Where(d => Channel(d) == "Sms").ToList();
        Assert.True(sms.Count > ParallelPerChannel, $"the demo warning should have more SMS recipients than {ParallelPerChannel}: {sms.Count}");
        Assert.All(sms, d => Assert.Contains(Status(d), new[] { "Pending", "Sending" }));
        Assert.Equal(0, _gateways.Requests.Count(r => r.Path == "/sms"));   // none answered yet

        // The SMS rows go out side by side, as many at once as configured and no more.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (_gateways.HeldNow < ParallelPerChannel && DateTime.UtcNow < until)
            await Task.Delay(50, Ct);
        await Task.Delay(300, Ct);
        Assert.Equal(ParallelPerChannel, _gateways.HeldNow);
        _gateways.ReleaseHeld();
        var done = await WaitAsync(publisher, id, ds => ds.Where(d => Channel(d) == "Sms").All(d => Status(d) == "Sent"));
        Assert.Equal(ParallelPerChannel, _gateways.MostHeldAtOnce);
        Assert.All(done.Where(d => Channel(d) == "Sms"), d => Assert.Equal(1, _gateways.Succeeded("/sms", d.GetProperty("deliveryKey").GetString()!)));
    }

    private static Guid Id(JsonElement d) => d.GetProperty("id").GetGuid();

    private static string Resend(Guid warning, JsonElement delivery) => $"/api/warnings/{warning}/deliveries/{Id(delivery)}/resend";

    private async Task MarkInFlightAsync(params Guid[] ids)
    {
        var sql = $"UPDATE \"WarningDeliveries\" SET \"Status\" = 2 WHERE \"Id\" IN ({string.Join(",", ids.Select((_, i) => "@p" + i))})";
        if (Provider == "Sqlite")
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < ids.Length; i++)
                command.Parameters.AddWithValue("@p" + i, ids[i].ToString().ToUpperInvariant());
            Assert.Equal(ids.Length, await command.ExecuteNonQueryAsync(Ct));
        }
        else
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(sql, connection);
            for (var i = 0; i < ids.Length; i++)
                command.Parameters.AddWithValue("p" + i, ids[i]);
            Assert.Equal(ids.Length, await command.ExecuteNonQueryAsync(Ct));
        }
    }
}

public sealed class WarningDeliveryOnSqlite : WarningDeliveryTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tianshan-delivery-{Guid.NewGuid():N}.db");

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={_file}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }
}

public sealed class WarningDeliveryOnPostgres : WarningDeliveryTests
{
    private readonly string _database = $"tianshan_delivery_{Guid.NewGuid():N}";

    protected override string Provider => "Postgres";

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = _database }.ToString();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
