using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Tianshan.Web.Tests.Warnings;

/// <summary>The tests' own validation against their own copy of the OASIS CAP 1.2 schema (Warnings/Cap/CAP-v1.2.xsd), so a
/// fault in the production validator cannot hide a fault in the production writer.</summary>
public static class CapSchemaCheck
{
    public const string Ns = "urn:oasis:names:tc:emergency:cap:1.2";

    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Warnings", "Cap");

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(Ns, Path.Combine(Folder, "CAP-v1.2.xsd"));
        set.Compile();
        return set;
    });

    public static void AssertValid(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception.LineNumber}:{e.Exception.LinePosition} {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
            while (reader.Read()) { }
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + xml);
        Assert.Equal(XName.Get("alert", Ns), XDocument.Parse(xml).Root!.Name);
    }

    public static XElement El(XElement parent, string name) => parent.Element(XName.Get(name, Ns)) ?? throw new Xunit.Sdk.XunitException($"no <{name}>");

    public static string Text(XElement parent, string name) => El(parent, name).Value;
}
