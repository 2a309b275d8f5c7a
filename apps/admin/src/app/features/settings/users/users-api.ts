import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserDto, UpdateUserDto, UserResponse } from '@solleciti/dto';
import { Observable } from 'rxjs';

const USERS_URL = '/api/users';

/** User management routes, which the API opens to administrators only. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<UserResponse[]> {
    return this.http.get<UserResponse[]>(USERS_URL);
  }

  create(body: CreateUserDto): Observable<UserResponse> {
    return this.http.post<UserResponse>(USERS_URL, body);
  }

  update(id: number, body: UpdateUserDto): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${USERS_URL}/${id}`, body);
  }

  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${USERS_URL}/${id}`);
  }
}
