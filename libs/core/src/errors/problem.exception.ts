import { HttpException } from '@nestjs/common';
import { FieldError, defaultSlug, defaultTitle, problemType } from './problem';

export interface ProblemInit {
  status: number;
  /** Short slug appended to the problem type base URI, e.g. `email-taken`. */
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

/** An HttpException that carries a full problem document; throw it from any layer. */
export class ProblemException extends HttpException {
  readonly problemType: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly extensions?: Record<string, unknown>;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title ?? defaultTitle(init.status), init.status);
    this.problemType = problemType(init.type ?? defaultSlug(init.status));
    this.title = init.title ?? defaultTitle(init.status);
    this.detail = init.detail;
    this.errors = init.errors;
    this.headers = init.headers;
    this.extensions = init.extensions;
  }
}
