using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tianshan.Web.Tests.Resources;

/// <summary>The stock ledger through HTTP, on each database: movements never drive a stock negative, a bad movement is refused
/// in Chinese and loses nothing, and concurrent withdrawals on one lot store only what the stock covers.</summary>
public abstract class StockApiTests(TianshanApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<Guid> DistrictIdAsync(HttpClient client)
    {
        var divisions = await client.GetFromJsonAsync<JsonElement>("/api/divisions", Ct);
        return divisions.EnumerateArray().First(d => d.GetProperty("code").GetString() == "650202").GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> CreateAsync(HttpClient client, string kind, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/resources/{kind}", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private async Task<(HttpClient Client, Guid Lot)> LotWithAsync(decimal quantity)
    {
        var client = await app.LoginAsync("bureau");
        var district = await DistrictIdAsync(client);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var warehouse = await CreateAsync(client, "warehouses", new { code = "T-CK-" + suffix, name = "测试储备库" + suffix, divisionId = district });
        var material = await CreateAsync(client, "materials", new { code = "T-WZ-" + suffix, name = "测试棉被" + suffix, unit = "床", category = "生活类", divisionId = district });
        var first = await client.PostAsJsonAsync("/api/resources/stock/movements",
            new { warehouseId = warehouse, materialId = material, batch = "2026-01", kind = "In", quantity, reason = "采购入库" }, Ct);
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Ct));
        var lot = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("stockItemId").GetGuid();
        return (client, lot);
    }

    private static async Task<decimal> BalanceAsync(HttpClient client, Guid lot) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/resources/stock", Ct)).EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == lot).GetProperty("quantity").GetDecimal();

    private static async Task<int> MovementCountAsync(HttpClient client, Guid lot) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/resources/stock/movements?stockItemId={lot}", Ct)).GetArrayLength();

    private static Task<HttpResponseMessage> WithdrawAsync(HttpClient client, Guid lot, decimal quantity, string reason = "发放受灾群众") =>
        client.PostAsJsonAsync("/api/resources/stock/movements", new { stockItemId = lot, kind = "Out", quantity, reason }, Ct);

    [Fact]
    public async Task A_withdrawal_beyond_the_stock_is_refused_in_Chinese_and_the_stock_and_ledger_stay_as_they_were()
    {
        var (client, lot) = await LotWithAsync(100);
        using (client)
        {
            var ok = await WithdrawAsync(client, lot, 30);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            Assert.Equal(70m, (await ok.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("balanceAfter").GetDecimal());

            var refused = await WithdrawAsync(client, lot, 70.5m);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("库存不足", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("现有 70床", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

            var negative = await WithdrawAsync(client, lot, -5);
            Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
            Assert.Contains("数量应大于 0", await negative.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            var noReason = await WithdrawAsync(client, lot, 5, reason: "");
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

            Assert.Equal(70m, await BalanceAsync(client, lot));
            Assert.Equal(2, await MovementCountAsync(client, lot));
        }
    }

    [Fact]
    public async Task Concurrent_withdrawals_store_only_what_the_stock_covers_and_never_go_negative()
    {
        var (client, lot) = await LotWithAsync(100);
        using (client)
        {
            // Six clerks withdraw 30 each at once from 100: three fit (90), three must be refused, and the balance ends at 10.
            var clients = new List<HttpClient>();
            for (var i = 0; i < 6; i++)
                clients.Add(await app.LoginAsync("bureau"));
            var responses = await Task.WhenAll(clients.Select(c => WithdrawAsync(c, lot, 30)));
            foreach (var c in clients)
                c.Dispose();

            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal(10m, await BalanceAsync(client, lot));
            var movements = await client.GetFromJsonAsync<JsonElement>($"/api/resources/stock/movements?stockItemId={lot}", Ct);
            Assert.Equal(4, movements.GetArrayLength());
            Assert.Equal([10m, 40m, 70m, 100m], movements.EnumerateArray().Select(m => m.GetProperty("balanceAfter").GetDecimal()).Order().ToArray());
        }
    }

    [Fact]
    public async Task Two_withdrawals_that_each_fit_but_not_together_store_exactly_one()
    {
        var (client, lot) = await LotWithAsync(100);
        using (client)
        {
            using var a = await app.LoginAsync("bureau");
            using var b = await app.LoginAsync("bureau");
            var responses = await Task.WhenAll(WithdrawAsync(a, lot, 60), WithdrawAsync(b, lot, 60));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal(40m, await BalanceAsync(client, lot));
            Assert.Equal(2, await MovementCountAsync(client, lot));
        }
    }

    [Fact]
    public async Task Withdrawing_from_a_lot_that_does_not_exist_is_refused()
    {
        using var client = await app.LoginAsync("bureau");
        var response = await WithdrawAsync(client, Guid.NewGuid(), 1);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var community = await app.LoginAsync("community");
        var (owner, lot) = await LotWithAsync(10);
        owner.Dispose();
        var forbidden = await WithdrawAsync(community, lot, 1);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class StockApiOnSqlite(SqliteApp app) : StockApiTests(app);

[Collection(OnPostgres.Name)]
public sealed class StockApiOnPostgres(PostgresApp app) : StockApiTests(app);
