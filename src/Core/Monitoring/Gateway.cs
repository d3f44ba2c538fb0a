using Tianshan.Core.Registry;

namespace Tianshan.Core.Monitoring;

/// <summary>An enterprise's data gateway (数据采集网关): the MQTT login its readings arrive under. The user name is the
/// enterprise's credit code, and the gateway may publish only under tianshan/{that code}/…; the password is stored hashed.</summary>
public sealed class Gateway
{
    private Gateway() { }

    public Gateway(Guid enterpriseId, string passwordHash)
    {
        EnterpriseId = enterpriseId;
        PasswordHash = passwordHash;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    public string PasswordHash { get; private set; } = "";

    public void ChangePassword(string passwordHash) => PasswordHash = passwordHash;
}
