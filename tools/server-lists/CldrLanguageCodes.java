// Maps CLDR locale ids (one per line on stdin, from cldr-core's availableLocales.json "full" list) to the codes
// Locale.getISO3Language() returns, as the JDK's CLDR locale provider would list them. Used where the JDK of an
// eSignet line is not at hand: the JDK builds its locale list from CLDR's common/main (the JDK 11 from CLDR 33,
// 17 from 39, 21 from 42). Checked: CLDR 39 through this program gives exactly what JvmLanguageCodes prints on
// OpenJDK 17. "root" and "und" are the root locale, whose code is "" (added below, as Locale.ROOT is available).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.TreeSet;

public class CldrLanguageCodes {
    public static void main(String[] args) throws Exception {
        TreeSet<String> codes = new TreeSet<>();
        codes.add("");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            String language = line.trim().split("-")[0];
            if (language.isEmpty() || language.equals("root") || language.equals("und")) continue;
            try {
                codes.add(new Locale(language).getISO3Language());
            } catch (MissingResourceException e) {
                System.err.println("no ISO 639-2 code for " + language);
            }
        }
        for (String code : codes) System.out.println(code);
    }
}
