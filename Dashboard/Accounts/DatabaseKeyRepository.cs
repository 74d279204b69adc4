using System.Xml.Linq;
using BrazeLite.Core.Accounts.Storage;
using BrazeLite.Core.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Accounts;

/// <summary>
/// Keeps ASP.NET Core's data-protection key ring in the database, so sign-in cookies and invitation links stay valid
/// across restarts and on every machine that shares the database.
/// </summary>
internal sealed class DatabaseKeyRepository(IDbContextFactory<BrazeLiteDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
