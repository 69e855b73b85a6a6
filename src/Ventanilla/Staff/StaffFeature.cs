using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ventanilla.Data;

namespace Ventanilla.Staff;

public static class StaffFeature
{
    private const string Either = "ApiKeyOrCookie";

    /// <summary>How long another node may go on trusting a session after the person's sign-in changed.</summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        builder.Services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<VentanillaDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaims>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        builder.Services.AddSingleton<SessionChanges>();
        builder.Services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<StaffSignIn>();
        builder.Services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, StaffSessionValidator>());
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionCheckInterval);

        // The API speaks API keys, the console speaks sign-in cookies; the path decides which.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = Either;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Either, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api/v1") ? ApiKeyAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/entrar";
            o.LogoutPath = "/salir";
            o.AccessDeniedPath = "/sin-permiso";
            o.ReturnUrlParameter = "volver";
            o.Cookie.Name = "ventanilla";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        builder.Services.AddCascadingAuthenticationState();
        // Keys live in the database: cookies survive restarts and any node can read any other's.
        builder.Services.AddDataProtection().SetApplicationName("Ventanilla").PersistKeysToDbContext<VentanillaDbContext>();
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var (right, roles) in Rights.RolesFor)
        {
            authorization.AddPolicy(right, p => p.RequireRole(roles));
        }

        return builder;
    }
}
