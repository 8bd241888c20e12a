import { Injectable } from '@nestjs/common';
import { parisToday, type CalendarDate } from './calendar-date.js';

/** The source of time. Domain code receives dates from here, never from `new Date()`. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Today's calendar date in Europe/Paris. */
  today(): CalendarDate {
    return parisToday(this.now());
  }
}

/** A clock that tests can set and move. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
