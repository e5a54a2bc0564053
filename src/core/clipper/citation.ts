/**
 * Bibliographic fields from `citation_*` (Highwire), PRISM and Dublin Core meta tags and JSON-LD,
 * best first. Null when the page declares nothing bibliographic.
 */
import type { Citation } from '../../shared/types';
import { parseHttpUrl } from './canonical-url';
import { extractDoi } from './doi';
import type { JsonLdArticle } from './json-ld';
import type { MetaTags } from './meta-tags';

// schema.org article types → CSL types.
const CSL_TYPES: Record<string, string> = {
  ScholarlyArticle: 'article-journal',
  MedicalScholarlyArticle: 'article-journal',
  NewsArticle: 'article-newspaper',
  ReportageNewsArticle: 'article-newspaper',
  AnalysisNewsArticle: 'article-newspaper',
  OpinionNewsArticle: 'article-newspaper',
  BackgroundNewsArticle: 'article-newspaper',
  ReviewNewsArticle: 'article-newspaper',
  BlogPosting: 'post-weblog',
  LiveBlogPosting: 'post-weblog',
  SocialMediaPosting: 'post',
  DiscussionForumPosting: 'post',
  Report: 'report',
  Thesis: 'thesis',
  Chapter: 'chapter',
  TechArticle: 'webpage',
  APIReference: 'webpage',
  Article: 'article',
};

export function readCitation(
  meta: MetaTags,
  jsonLd: JsonLdArticle | null,
  base: string | null,
): Citation | null {
  const doi = [
    ...meta.all('citation_doi', 'prism.doi', 'bepress_citation_doi', 'dc.identifier', 'dcterms.identifier'),
    jsonLd?.doi ?? '',
  ]
    .map(extractDoi)
    .find((value) => value !== undefined);
  const pdf = meta.first('citation_pdf_url', 'bepress_citation_pdf_url');
  const pdfUrl = pdf === undefined ? undefined : parseHttpUrl(pdf, base ?? undefined)?.href;
  const fields: Citation = {
    doi,
    journal:
      meta.first('citation_journal_title', 'prism.publicationname', 'citation_conference_title') ??
      jsonLd?.journal,
    publisher:
      meta.first(
        'citation_publisher',
        'dc.publisher',
        'dcterms.publisher',
        'citation_technical_report_institution',
      ) ?? jsonLd?.publisher,
    volume: meta.first('citation_volume', 'prism.volume') ?? jsonLd?.volume,
    issue: meta.first('citation_issue', 'prism.number', 'prism.issueidentifier') ?? jsonLd?.issue,
    firstPage: meta.first('citation_firstpage', 'prism.startingpage') ?? jsonLd?.pageStart,
    lastPage: meta.first('citation_lastpage', 'prism.endingpage') ?? jsonLd?.pageEnd,
    issn: meta.first('citation_issn', 'prism.issn', 'prism.eissn') ?? jsonLd?.issn,
    isbn: meta.first('citation_isbn') ?? jsonLd?.isbn,
    pdfUrl,
  };
  const scholarly = meta.first('citation_title', 'citation_journal_title', 'citation_doi') !== undefined;
  const type = jsonLd === null ? undefined : CSL_TYPES[jsonLd.type];
  const citation: Citation = { type: scholarly ? typeFromMeta(meta) : type, ...fields };
  for (const key of Object.keys(citation) as (keyof Citation)[]) {
    if (citation[key] === undefined || citation[key] === '') delete citation[key];
  }
  return Object.keys(citation).length === 0 ? null : citation;
}

function typeFromMeta(meta: MetaTags): string {
  if (meta.first('citation_journal_title') !== undefined) return 'article-journal';
  if (meta.first('citation_conference_title') !== undefined) return 'paper-conference';
  if (meta.first('citation_technical_report_institution') !== undefined) return 'report';
  if (meta.first('citation_dissertation_institution') !== undefined) return 'thesis';
  if (meta.first('citation_book_title', 'citation_isbn') !== undefined) return 'chapter';
  return 'article';
}
