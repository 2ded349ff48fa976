namespace Troc.Domain.Catalogue.Analysis;

/// <summary>Closed lists of folded French words the resolver treats specially.</summary>
public static class FrenchWords
{
    /// <summary>
    /// Articles, pronouns and prepositions: skipped when matching phrases, so « machine à café » and
    /// « machine a cafe » and « machine café » all meet the same vocabulary entry. Words that change what a thing
    /// is stay: « sans » (friteuse sans huile), « sous » (sous vide), « pour » (a robe pour un mariage is not a
    /// robe de mariage), « pas » (premiers pas), « son » (carte son).
    /// </summary>
    public static readonly IReadOnlySet<string> FunctionWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "a", "et", "ou", "en", "par",
        "sur", "avec", "dans", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes", "sa", "ses",
        "notre", "nos", "votre", "vos", "leur", "leurs", "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils",
        "elles", "me", "m", "te", "t", "se", "s", "qui", "que", "qu", "quoi", "y", "c", "n", "ne", "est", "sont",
        "quelque", "quelques", "tout", "tous", "toute", "toutes", "chez", "entre",
    };

    /// <summary>
    /// Words after which a named thing is usually a complement rather than what is offered or wanted:
    /// « coque pour iPhone » is a phone case, « perceuse avec 2 batteries » is a drill.
    /// </summary>
    public static readonly IReadOnlySet<string> ComplementPrepositions = new HashSet<string>(StringComparer.Ordinal)
    {
        "de", "d", "du", "des", "pour", "a", "au", "aux", "avec", "sur", "compatible", "compatibles", "adapte",
        "adaptee", "adaptable", "+", "plus", "en",
    };

    /// <summary>
    /// Everyday words of classified ads that are not the name of any thing. They are never "corrected" into a
    /// vocabulary word by typo tolerance (« cherche » must not become « crèche », « servi » is not « service »).
    /// </summary>
    public static readonly IReadOnlySet<string> NeverCorrected = new HashSet<string>(StringComparer.Ordinal)
    {
        "vends", "vend", "vendre", "vendu", "vendue", "cherche", "cherches", "cherchons", "recherche", "recherches",
        "echange", "echanges", "echanger", "troque", "troquer", "donne", "donner", "propose", "proposer", "voudrais",
        "voudrait", "aimerais", "besoin", "souhaite", "serait", "seraient", "interesse", "interessee", "servi",
        "servie", "utilise", "utilisee", "etat", "neuf", "neuve", "neufs", "neuves", "parfait", "parfaite", "impeccable",
        "occasion", "taille", "tailles", "pointure", "couleur", "couleurs", "marque", "modele", "modeles", "prix",
        "urgent", "cause", "demenagement", "fonctionne", "fonctionnel", "fonctionnelle", "marche", "complet",
        "complete", "comprenant", "comprend", "inclus", "incluse", "fourni", "fournie", "jamais", "toujours",
        "encore", "presque", "quasi", "quasiment", "tres", "bien", "petit", "petite", "petits", "petites", "grand",
        "grande", "grands", "grandes", "gros", "grosse", "noir", "noire", "noirs", "blanc", "blanche", "blancs",
        "rouge", "rouges", "bleu", "bleue", "bleus", "verte", "verts", "jaune", "jaunes", "marron", "beige", "beiges",
        "rose", "roses", "violet", "violette", "orange", "argent", "argente", "dore", "doree", "fonce", "claire",
        "quelqu", "quelqu'un", "chose", "choses", "truc", "trucs", "machin", "machins", "bidule", "genre", "style",
        "pareil", "environ", "merci", "bonjour", "salut", "svp", "recup", "recupere", "recuperer", "retirer",
        "retrait", "livraison", "envoi", "main", "propre", "propres", "sale", "abime", "abimee", "rayure", "rayures",
        "trace", "traces", "usure", "usage", "vintage", "ancien", "ancienne", "anciens", "anciennes", "moderne",
        "original", "originale", "originaux", "authentique", "unique", "nouveau", "nouvelle", "nouveaux",
        "enfant", "enfants", "adulte", "adultes", "homme", "hommes", "femme", "femmes", "garcon", "garcons", "fille",
        "filles", "mixte", "maison", "jardin", "cuisine", "salon", "chambre", "bureau", "exterieur", "interieur",
        "faire", "permet", "permettant", "aller", "mettre", "ranger", "porter", "utiliser", "jouer", "partir",
        "boulot", "travail", "ecole", "vacances", "weekend", "hiver", "ete", "printemps", "automne", "annee",
        "annees", "ans", "mois", "semaine", "jours", "heure", "heures", "batterie", "batteries", "chargeur",
        "notice", "boite", "carton", "emballage", "facture", "garantie", "accessoire", "accessoires", "piece",
        "pieces", "lot", "lots", "ensemble", "paire", "paires", "series", "collection", "plusieurs", "divers",
        "diverses", "autre", "autres", "meme", "memes", "avoir", "aurait", "avez", "avais", "cherchais",
        "dispo", "disponible", "disponibles", "contre", "contact", "message", "messages", "photo", "photos",
        "quelconque", "importe", "simple", "simples", "double", "bonne", "bonnes", "meilleur", "solide",
        "leger", "legere", "lourd", "lourde", "electrique", "manuel", "manuelle", "pliable", "pliant",
        "reglable", "portable", "portatif", "sans", "aussi", "comme", "assez", "vraiment", "super", "joli",
        "jolie", "beau", "belle", "beaux", "belles",
    };

    /// <summary>French elided prefixes, folded: what comes before the apostrophe in l'aspirateur, qu'une…</summary>
    public static readonly IReadOnlySet<string> ElidedPrefixes = new HashSet<string>(StringComparer.Ordinal)
    {
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    };
}
