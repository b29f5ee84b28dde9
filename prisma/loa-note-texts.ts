// The starting text of each library note (fms-domain.md §2.5). [A] Caseway's own plain-language paraphrases of the
// notes' purpose, not DSCA's wording: the agency edits each note on its LOA, and SAMM Appendix 6/9 is the authority.
export const LOA_NOTE_TEXTS: Record<string, string> = {
  "administrative-surcharge":
    "The administrative surcharge recovers the U.S. Government's cost of administering the Foreign Military Sales program. It is a percentage of the applicable line values, shown below the lines in the estimated cost summary. Each line keeps the rate in force when it was accepted.",
  "accessorial-charges":
    "Packing, crating and handling and transportation are estimated as standard percentages of the applicable line values, according to each line's delivery term code, and are shown below the lines. Actual charges are billed.",
  "contract-administration-services-cas-surcharge":
    "Lines supplied from new procurement (source P), and the procurement share of mixed-source lines (source X), include the contract administration services surcharge for contract management, quality assurance and inspection, and contract audit.",
  "administrative-surcharge-rate-change":
    "The administrative surcharge rate changed on 1 June 2018. Lines accepted before that date keep their earlier rate.",
  "small-case-management-line-scml":
    "This case carries a small case management line, the minimum administrative charge that applied to cases accepted from 1 August 2006 to 2 July 2012.",
  "administrative-surcharge-waiver-nspo":
    "The administrative surcharge on this LOA is waived under AECA section 21(e)(3)(A) and reimbursed from U.S. Mission to NATO funds.",
  "administrative-surcharge-waiver-reciprocal-training-agreemen":
    "Under the reciprocal training agreement, the administrative surcharge, indirect costs and billeting costs for non-dedicated training on this LOA are waived (AECA section 21(g)).",
  "administrative-surcharge-waiver-nato-awacs":
    "The administrative surcharge is waived for this LOA supporting the NATO AWACS acquisition programme (10 U.S.C. 2350(e)).",
  "nonrecurring-cost-apply-estimated":
    "The prices of major defense equipment on this LOA include an estimated pro-rata recoupment of nonrecurring research, development and production costs.",
  "nonrecurring-cost-waiver-approved":
    "A waiver of the nonrecurring cost recoupment has been approved for the lines named in this LOA.",
  "nonrecurring-cost-waiver-under-review":
    "A request to waive the nonrecurring cost recoupment is under review. The estimate includes the charge until a decision is made.",
  "procurement-using-other-than-full-and-open-competition":
    "At the purchaser's request, and with approval, the items on the named lines will be bought from the specified contractor or source.",
  "cooperative-logistics-supply-support-arrangement-clssa-fmso-i-purpose":
    "This FMSO I case is the purchaser's equity investment in U.S. stock, which lets the military department buy and hold additional stock to support the purchaser's FMSO II requisitions on equal footing with U.S. forces.",
  "clssa-supply-support-arrangement-surcharge":
    "Requisitions under this supply support arrangement carry the CLSSA surcharge in the prices shown.",
  "short-oed":
    "This offer expires sooner than the standard period because of a U.S. Government constraint explained here by the implementing agency.",
  "transportation-services-through-dts":
    "Materiel on the lines with a delivery term code that includes transportation will move through the Defense Transportation System; the estimated transportation charge is shown below the lines.",
  "line-item-insert-line-item-number-description":
    "Line [number] provides the following, in addition to its MASL description:",
  "offset-costs": "Offset costs approved before 1 January 2011 are included in this LOA's prices.",
  "administrative-disbursing-services":
    "This LOA includes administrative disbursing services on the purchaser's behalf, as described by the implementing agency.",
};
