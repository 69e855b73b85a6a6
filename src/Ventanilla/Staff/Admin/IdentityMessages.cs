using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Ventanilla.Staff.Admin;

/// <summary>Identity's refusals in the console's words, and which form field each one is about.</summary>
public static class IdentityMessages
{
    public const string PasswordField = "password";
    public const string EmailField = "email";
    public const string GeneralField = "";

    public static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch) ? PasswordField
        : error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail)
            or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) ? EmailField
        : GeneralField;

    public static string Describe(IdentityError error, IStringLocalizer L, PasswordOptions password) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => L["La contraseña debe tener al menos {0} caracteres.", password.RequiredLength],
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => L["La contraseña debe incluir al menos un símbolo, como - o !."],
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => L["La contraseña debe incluir al menos un dígito (0 a 9)."],
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => L["La contraseña debe incluir al menos una letra minúscula."],
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => L["La contraseña debe incluir al menos una letra mayúscula."],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => L["La contraseña debe tener al menos {0} caracteres distintos.", password.RequiredUniqueChars],
        nameof(IdentityErrorDescriber.PasswordMismatch) => L["La contraseña actual no es correcta."],
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => L["Ya existe un usuario con ese correo."],
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => L["El correo no es válido."],
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => L["Alguien más cambió este usuario al mismo tiempo; vuelve a intentarlo."],
        nameof(IdentityErrorDescriber.InvalidToken) => L["El código no es válido."],
        _ => L["No se pudo completar la operación."],
    };
}
