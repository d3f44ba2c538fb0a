using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Tianshan.Core.Registry;

/// <summary>The GB 18218-2018 chemical tables (Table 1: 85 substances; Table 2: hazard categories; Table 3: toxic-gas β),
/// plus common substances classified into Table 2 categories. Embedded CSV files with their provenance in
/// Registry/Chemicals/SOURCES.md. Look-up by Chinese name, alias, English name, CAS number or category code.</summary>
public sealed class ChemicalCatalogue
{
    private readonly Dictionary<string, Chemical> _byKey;
    private readonly Dictionary<string, Chemical> _index;
    private readonly HashSet<string> _ambiguous;

    private ChemicalCatalogue(IReadOnlyList<Chemical> chemicals, IReadOnlyList<HazardCategory> categories)
    {
        Chemicals = chemicals;
        Categories = categories;
        _byKey = chemicals.ToDictionary(c => c.Key, StringComparer.OrdinalIgnoreCase);
        _index = new Dictionary<string, Chemical>(StringComparer.Ordinal);
        _ambiguous = [];
        // Exact names, aliases and CAS numbers first; a later duplicate of an exact term is a data error.
        foreach (var c in chemicals)
        {
            foreach (var term in ExactTerms(c))
                _index.TryAdd(term, c);
        }
        // Then short names without the standard's qualifiers ("汽油(乙醇汽油、甲醇汽油)" → "汽油"), only when unambiguous.
        var shortNames = chemicals
            .SelectMany(c => ShortNames(c).Select(n => (Name: n, Chemical: c)))
            .Where(x => !_index.ContainsKey(x.Name))
            .GroupBy(x => x.Name);
        foreach (var group in shortNames)
        {
            var distinct = group.Select(x => x.Chemical).Distinct().ToList();
            if (distinct.Count == 1)
                _index[group.Key] = distinct[0];
            else
                _ambiguous.Add(group.Key);
        }
    }

    public IReadOnlyList<Chemical> Chemicals { get; }
    public IReadOnlyList<HazardCategory> Categories { get; }

    public static ChemicalCatalogue Default { get; } = LoadEmbedded();

    public Chemical? ByKey(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Finds a substance or category. Returns null and a Chinese reason when nothing (or more than one) matches.</summary>
    public Chemical? Find(string? query, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(query))
        {
            problem = "化学品名称不能为空";
            return null;
        }
        var term = Normalize(query);
        if (_byKey.TryGetValue(term, out var byKey))
            return byKey;
        if (_index.TryGetValue(term, out var found))
            return found;
        problem = _ambiguous.Contains(term)
            ? $"“{query.Trim()}”对应多个条目，请写出完整名称(如含量、类型)"
            : $"未找到化学品“{query.Trim()}”：请使用 GB 18218-2018 表1 的品名、别名、CAS号，或表2 的类别代码(如 W5.3)";
        return null;
    }

    public Chemical? Find(string? query) => Find(query, out _);

    /// <summary>Substances and categories whose name, alias, English name, CAS number or key contains the text (all when empty).</summary>
    public IEnumerable<Chemical> Search(string? text)
    {
        var term = string.IsNullOrWhiteSpace(text) ? null : Normalize(text);
        return Chemicals.Where(c => term is null
            || Normalize(c.NameZh).Contains(term, StringComparison.Ordinal)
            || c.AliasesZh.Concat(c.AliasesEn).Concat(c.Cas).Any(a => Normalize(a).Contains(term, StringComparison.Ordinal))
            || string.Equals(c.Key, term, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Case- and width-insensitive form of a search term ("ＣＡＳ", full-width commas, spaces).</summary>
    public static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        return s.Replace(" ", "", StringComparison.Ordinal);
    }

    private static IEnumerable<string> ExactTerms(Chemical c)
    {
        yield return Normalize(c.NameZh);
        foreach (var a in c.AliasesZh.Concat(c.AliasesEn).Concat(c.Cas))
            yield return Normalize(a);
    }

    private static IEnumerable<string> ShortNames(Chemical c)
    {
        foreach (var name in c.AliasesZh.Prepend(c.NameZh))
        {
            var n = Normalize(name);
            var paren = n.IndexOfAny(['(', '[']);
            if (paren > 0)
                n = n[..paren];
            // "甲烷,天然气" names two things at once.
            foreach (var part in n.Split([',', '、', ';'], StringSplitOptions.RemoveEmptyEntries))
                yield return part;
        }
    }

    private static ChemicalCatalogue LoadEmbedded()
    {
        var categories = ReadRows("gb18218-table2.csv").Select(r => new HazardCategory(
            r["code"], r["category_zh"], r["description_zh"], Dec(r["critical_quantity_t"]), Dec(r["beta"]))).ToList();
        var chemicals = new List<Chemical>();
        foreach (var r in ReadRows("gb18218-table1.csv"))
            chemicals.Add(FromRow(r, "T1-" + r["no"], ChemicalSource.Table1));
        foreach (var r in ReadRows("supplementary.csv"))
            chemicals.Add(FromRow(r, r["no"], ChemicalSource.Supplementary));
        foreach (var cat in categories)
        {
            chemicals.Add(new Chemical(cat.Code, $"{cat.CategoryZh}({cat.DescriptionZh})", [], [], [],
                cat.CriticalQuantity, cat.Code, cat.Beta, "table4", false, ChemicalSource.Category, "GB 18218-2018 表2/表4"));
        }
        return new ChemicalCatalogue(chemicals, categories);
    }

    private static Chemical FromRow(Dictionary<string, string> r, string key, ChemicalSource source) => new(
        key,
        r["name_zh"],
        List(r["aliases_zh"]),
        List(r["aliases_en"]),
        List(r["cas"]),
        Dec(r["critical_quantity_t"]),
        r["hazard_code"] is { Length: > 0 } code ? code : null,
        Dec(r["beta"]),
        r["beta_basis"],
        r["restricted"] == "1",
        source,
        r["notes"]);

    private static string[] List(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static decimal Dec(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> ReadRows(string file)
    {
        using var stream = typeof(ChemicalCatalogue).Assembly.GetManifestResourceStream("Tianshan.Chemicals." + file)
            ?? throw new InvalidOperationException($"Embedded chemical table {file} is missing");
        using var text = new StreamReader(stream, Encoding.UTF8);
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(text);
        var names = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
                values[name] = row[name].ToString().Trim();
            rows.Add(values);
        }
        return rows;
    }
}
