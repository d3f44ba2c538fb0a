using System.Xml;
using System.Xml.Schema;

namespace Tianshan.Core.Warnings.Cap;

/// <summary>
/// Validation against the OASIS CAP 1.2 schema (CAP-v1.2.xsd, embedded; source in Cap/README.md) with System.Xml.Schema.
/// DTDs are refused and nothing external is resolved: an imported document comes from outside.
/// </summary>
public static class CapSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    private static XmlSchemaSet Load()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream("Tianshan.Cap.CAP-v1.2.xsd")
            ?? throw new InvalidOperationException("The embedded CAP 1.2 schema is missing");
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(CapAlert.Namespace, reader);
        set.Compile();
        return set;
    }

    /// <summary>The problems found, in Chinese with the line and column; empty when the document is a valid CAP 1.2 alert.</summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(xml))
            return ["CAP 文档为空"];
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
                errors.Add($"第 {e.Exception.LineNumber} 行第 {e.Exception.LinePosition} 列：{e.Message}");
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var rootSeen = false;
            while (reader.Read())
            {
                if (rootSeen || reader.NodeType != XmlNodeType.Element)
                    continue;
                rootSeen = true;
                // A root outside the CAP namespace is only a schema *warning* ("no declaration"): refuse it outright.
                if (reader.LocalName != "alert" || reader.NamespaceURI != CapAlert.Namespace)
                    return [$"根元素须为命名空间 {CapAlert.Namespace} 中的 alert，实际为 {{{reader.NamespaceURI}}}{reader.LocalName}"];
            }
        }
        catch (XmlException e)
        {
            return [$"XML 格式错误（第 {e.LineNumber} 行第 {e.LinePosition} 列）：{e.Message}"];
        }
        return errors;
    }
}
