namespace Ventanilla.Demo;

/// <summary>Names and places for believable subscribers in Zacatecas and the Guadalajara area.</summary>
internal static class DemoPlaces
{
    public static readonly string[] FirstNames =
    [
        "María Guadalupe", "José Luis", "Juana", "Francisco Javier", "Verónica", "Jesús", "Alejandra", "Juan Carlos",
        "Rosa María", "Miguel", "Claudia", "Antonio", "Leticia", "Ricardo", "Patricia", "Arturo", "Gabriela", "Fernando",
        "Martha Elena", "Raúl", "Adriana", "Sergio", "Norma", "Eduardo", "Karla", "Jorge", "Mariana", "Ramón",
        "Silvia", "Alberto", "Daniela", "Manuel", "Yolanda", "Óscar", "Fabiola", "Hugo", "Brenda", "Salvador",
        "Ximena", "Rubén",
    ];

    public static readonly string[] Surnames =
    [
        "García", "Hernández", "Martínez", "López", "González", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Flores",
        "Gómez", "Díaz", "Reyes", "Morales", "Ortiz", "Castillo", "Romero", "Ruiz", "Aguilar", "Medina",
        "Jiménez", "Vázquez", "Muñoz", "Esparza", "Dávila", "Robles", "Félix", "Sandoval", "Carrillo", "Ibarra",
        "Ávila", "De la Torre", "Campos", "Escobedo", "Saucedo",
    ];

    public static readonly DemoCity Zacatecas = new("ZAC", "Zacatecas", "492", 7,
    [
        new("Centro", "Zacatecas", "98000", ["Av. Hidalgo", "Calle Tacuba", "Calle Juan de Tolosa", "Callejón de la Palma"]),
        new("Sierra de Álica", "Zacatecas", "98050", ["Calle Sierra de Órganos", "Calle Sierra Fría", "Av. Quebradilla"]),
        new("Las Palmas", "Zacatecas", "98056", ["Calle Palma Real", "Calle Palmira", "Calle Datilera"]),
        new("Lomas de la Soledad", "Zacatecas", "98040", ["Calle Soledad", "Calle Loma Bonita", "Privada del Sol"]),
        new("Colinas del Padre", "Zacatecas", "98085", ["Calle Roble", "Calle Cedro", "Calle Encino"]),
        new("Centro", "Guadalupe", "98600", ["Av. Constitución", "Calle Jardín Juárez", "Calle Madero"]),
        new("Tierra y Libertad", "Guadalupe", "98615", ["Calle Emiliano Zapata", "Calle Agraristas", "Calle Plan de Ayala"]),
        new("Villas de Guadalupe", "Guadalupe", "98612", ["Calle Villa Hermosa", "Calle Villa del Mar", "Av. Pirules"]),
    ]);

    public static readonly DemoCity Guadalajara = new("GDL", "Jalisco", "33", 8,
    [
        new("Americana", "Guadalajara", "44160", ["Av. Chapultepec", "Calle Libertad", "Calle Marsella"]),
        new("Providencia", "Guadalajara", "44630", ["Av. Pablo Neruda", "Calle Montevideo", "Calle Colomos"]),
        new("Santa Teresita", "Guadalajara", "44600", ["Calle Juan Manuel", "Calle Garibaldi", "Calle Herrera y Cairo"]),
        new("Oblatos", "Guadalajara", "44700", ["Calle Rinconada del Bosque", "Calle Cuitláhuac", "Calle Mezquitán"]),
        new("Chapalita", "Zapopan", "45040", ["Av. Guadalupe", "Calle Tepeyac", "Calle Santa Rita"]),
        new("Centro", "San Pedro Tlaquepaque", "45500", ["Calle Independencia", "Calle Juárez", "Calle Morelos"]),
    ]);

    public static readonly string[] References =
    [
        "Casa de dos pisos, portón negro", "Frente a la tienda de abarrotes", "A un lado de la farmacia",
        "Zaguán verde, timbre no sirve", "Esquina con tortillería", "Departamento 3, segundo piso", "Barda amarilla",
    ];

    public static readonly DemoPlan[] Plans =
    [
        new("Hogar 20", 349m),
        new("Hogar 50", 449m),
        new("Hogar 100", 599m),
    ];
}

/// <summary>A city the provider serves: contract prefix, state and phone area code.</summary>
internal sealed record DemoCity(string Code, string State, string AreaCode, int LocalDigits, DemoColonia[] Colonias);

internal sealed record DemoColonia(string Name, string Municipality, string PostalCode, string[] Streets);

internal sealed record DemoPlan(string Name, decimal PriceMxn);
