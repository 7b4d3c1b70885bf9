// Prints, one per line and sorted, the ISO 639-2 codes that Locale.getISO3Language() returns for the JVM's
// Locale.getAvailableLocales(): the keys eSignet accepts in clientNameLangMap (LangMapValidator / Locale check,
// esignet-api.md §2.2). Run with the JDK of the eSignet line: java JvmLanguageCodes.java
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.TreeSet;

public class JvmLanguageCodes {
    public static void main(String[] args) {
        TreeSet<String> codes = new TreeSet<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            try {
                codes.add(locale.getISO3Language());
            } catch (MissingResourceException e) {
                // a language without a 3-letter code cannot be a key either
            }
        }
        for (String code : codes) System.out.println(code);
    }
}
