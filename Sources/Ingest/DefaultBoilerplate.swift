import BriefingCore
import Foundation

extension BoilerplateCleaner {
    /// The rules every build starts with; `briefing.yml` adds to them. Same YAML shape as the config.
    public static let defaultRules: [BoilerplateRule] = {
        guard let node = try? YAMLSupport.compose(defaultRulesYAML, path: "<default rules>", firstLine: 1),
              let rules = try? BoilerplateRuleReader.rules(from: node, path: "<default rules>", firstLine: 1)
        else { return [] }  // Covered by a test; never reached with the text below.
        return rules
    }()

    // Lines are compared after trimming and turning no-break spaces into spaces.
    // `regex` must match the whole line and is case-sensitive unless it starts with (?i).
    static let defaultRulesYAML = #"""
    - {label: sign-up prompt, match: regex, pattern: '(?i)(sign ?up|sign in|log ?in|log out|register|subscribe|create (a |an )?(free )?account)( now| today| here| for free)?( (to|for) (our|the|a|an|free|my|your) .{0,60})?[.!]?'}
    - {label: sign-up prompt, match: regex, pattern: '(?i)(my account|account settings|manage (my )?account|already a subscriber\??.{0,40}|newsletter sign-?up)'}
    - {label: share prompt, match: regex, pattern: '(?i)(share|share this (article|story)|print|email|comments?|advertisement|listen to this article|skip to (main )?content|site (mobile )?navigation|follow us.{0,40})'}
    - {label: source link, match: regex, pattern: '(?i)(source|original) (link|article)[.:]?'}
    - {label: read-more link, match: regex, pattern: '(?i)(click here|tap here)\b.{0,100}'}
    - {label: read-more link, match: regex, pattern: '(?i)(continue reading|read the full (story|article)|read more (from|at|on) ).{0,80}'}
    - {label: video embed, match: regex, pattern: '(?i)(video embed|embedded video|watch( the)? video.{0,40}|play video)'}
    - {label: photo credit, match: regex, pattern: '.{0,400}\((?=[^()]{2,80}\))[^()]*(\p{L} ?/ ?\p{L}|\b(Photo|Photos|Pool|AP|AFP|Reuters|Getty Images|EPA|Bloomberg|File)\b)[^()]*\)(\s+[\p{L}.''-]+( [\p{L}.''-]+){0,3} ?/ ?[\p{L} ]{2,30})?'}
    - {label: photo credit, match: regex, pattern: '[\p{Lu}][\p{L}.''-]+( [\p{Lu}][\p{L}.''-]+){0,3} ?/ ?(AP|AFP|Reuters|Getty Images|Getty|EPA|Bloomberg|Pool|Shutterstock|[\p{Lu}][\p{L}]+ (Images|Photo|Photos|Press))'}
    - {label: photo caption, match: regex, pattern: '(?i)\((photo|photos|photograph|image|picture|pictured)\s*:[^()]{1,80}\).{0,300}'}
    - {label: photo credit, match: regex, pattern: '(?i)(photo|photograph|image|picture|credit|caption|photo credit|image credit)( by)?\s*:.{0,200}'}
    - {label: photo credit, match: regex, pattern: '(?i).{0,120}\b(getty images|shutterstock|istock(photo)?)\b.{0,60}'}
    - {label: photo slug, match: regex, pattern: 'APTOPIX( [\p{Lu}][\p{L}.-]*){0,6}'}
    - {label: copyright, match: regex, pattern: '(?i)(©|\(c\)|copyright ©?)\s*(\d{4}|©).{0,120}'}
    - {label: copyright, match: regex, pattern: '(?i)all rights reserved\.?'}
    - {label: bot disclaimer, match: regex, pattern: '(?i)hi,? i(''| a)m the .{1,40}bot\b.{0,400}'}
    - {label: bot disclaimer, match: regex, pattern: '(?i)i wrote the above article.{0,160}'}
    - {label: bot disclaimer, match: regex, pattern: '(?i)this (story|article|report) was (reviewed|generated|written|produced|created) (by|with|using) .{0,200}'}
    - {label: trailer, match: trailer, pattern: Related Content}
    - {label: trailer, match: trailer, pattern: Related Articles}
    - {label: trailer, match: trailer, pattern: Related Stories}
    - {label: trailer, match: trailer, pattern: Related Coverage}
    - {label: trailer, match: trailer, pattern: Enlaces de interés}
    - {label: trailer, match: trailer, pattern: Read more}
    - {label: trailer, match: trailer, pattern: Read More}
    - {label: trailer, match: trailer, pattern: More on this story}
    - {label: trailer, match: trailer, pattern: You may also like}
    - {label: trailer, match: trailer, pattern: Recommended}
    - {label: section label, match: regex, pattern: '(?i)((international|politics|world|us|u\.s\.|national|local|business|economy|markets|opinion|technology|tech|science|health|sports?|entertainment|breaking|europe|asia|africa|americas|middle east|china|elections?|climate|national security|defense|energy|arts|culture|crime|weather|education)( news)?|news)'}
    - {label: promo headline, match: regex, pattern: '(?=(?:\S+ +){3})(?=.{0,150}$)[^\p{Ll}|]*\p{Lu}[^\p{Ll}|]*\p{Lu}[^\p{Ll}|]*(?<![.!?"''”’])'}
    - {label: date stamp, match: regex, pattern: '(?i)[^|]{2,60}\|\s*((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4})[^|]{0,40}'}
    - {label: lone punctuation, match: regex, pattern: '[.,;:!?·•…]{1,3}|[-–—]'}
    - {label: wire credit, match: regex, pattern: '(?i)\(\s*(reporting|additional reporting|writing|editing|compiled|contributing|written) by .{0,300}\)\.?'}
    """#
}
