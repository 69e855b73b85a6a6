namespace Ventanilla.Web;

/// <summary>
/// The console's words. Pages write them in Spanish, the default language (<c>L["Bandeja"]</c>);
/// <c>Ui.en.resx</c> beside this file holds their English translations.
/// </summary>
public sealed class Ui;
